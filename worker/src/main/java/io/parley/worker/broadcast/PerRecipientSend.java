package io.parley.worker.broadcast;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.broadcast.BroadcastMessage;
import io.parley.core.broadcast.BroadcastState;
import io.parley.core.broadcast.BroadcastStore;
import io.parley.core.broadcast.RecipientCallback;
import io.parley.core.broadcast.RecipientRow;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderApi;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.outbound.ChannelSender;
import io.parley.worker.outbound.OutboundBatch;
import io.parley.worker.outbound.SendFailure;
import io.parley.worker.outbound.governor.BulkPacer;
import io.parley.worker.outbound.governor.SendPacing;
import io.parley.worker.outbound.whatsapp.WhatsAppBroadcastSend;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * WhatsApp and Telegram broadcasts: one request per recipient (a template or the first part on WhatsApp, the first
 * part on Telegram), {@link BroadcastSettings#concurrency()} in flight, paced by the governor at bulk priority (WhatsApp
 * slots reserved a batch at a time, {@link BulkPacer}),
 * <b>pipelined</b> so that sending never stops for the database (docs/broadcasts.md "Sending"): up to
 * {@link BroadcastSettings#pipeline()} batches are in flight. When the oldest batch is done, one transaction records
 * its successes, checks the job's lease and the broadcast's state, and claims the next batch <i>started</i> (its
 * requests may leave once this commits), while the other batches' requests go on. A crash thus leaves started
 * recipients only, which WhatsApp's status webhooks settle ({@link RecipientCallback}). (A batch claimed one cycle
 * ahead and started in the next cost one more UPDATE per recipient and bought nothing: both happened in the same
 * transaction as the claim does now.)
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class PerRecipientSend {

    private record Result(RecipientRow row, String providerId, SendFailure failure) {
    }

    /** A claimed batch: its key and rows. */
    private record Claimed(UUID key, List<RecipientRow> rows) {
    }

    /** A started batch's requests, in flight. */
    private record Flight(List<Future<Result>> results) {
        List<Result> await() throws Exception {
            List<Result> out = new ArrayList<>(results.size());
            for (Future<Result> result : results) {
                out.add(result.get());
            }
            return out;
        }
    }

    /** What one cycle's transaction found and did. */
    private record Cycle(boolean held, boolean running, Claimed next) {
    }

    private final TenantScope scope;
    private final RecipientStore recipients;
    private final BroadcastStore broadcasts;
    private final JobQueue queue;
    private final SendPacing pacing;
    private final WhatsAppBroadcastSend whatsapp;
    private final ChannelSender telegram;
    private final BroadcastSettings settings;

    PerRecipientSend(TenantScope scope, RecipientStore recipients, BroadcastStore broadcasts, JobQueue queue,
                     SendPacing pacing, WhatsAppBroadcastSend whatsapp, List<ChannelSender> senders,
                     BroadcastSettings settings) {
        this.scope = scope;
        this.recipients = recipients;
        this.broadcasts = broadcasts;
        this.queue = queue;
        this.pacing = pacing;
        this.whatsapp = whatsapp;
        this.telegram = senders.stream().filter(s -> s.type() == ChannelType.TELEGRAM).findFirst().orElse(null);
        this.settings = settings;
    }

    SendPacing pacing() {
        return pacing;
    }

    /** Sends the channel's queued recipients until none is left, the slice is over or the broadcast stops. */
    BroadcastChannelSend.Outcome run(BroadcastChannelSend.Context context, long deadline,
                                     BiFunction<BroadcastChannelSend.Context, RecipientRow,
                                             BroadcastMessage> content) throws Exception {
        Failures failures = new Failures(scope, recipients, pacing);
        Semaphore slots = new Semaphore(settings.concurrency(), true); // fair: older batches' requests go first
        BulkPacer pace = pacing.bulk(context.channel(), context.secrets(), settings.batchSize());
        Deque<Flight> flying = new ArrayDeque<>();
        BroadcastChannelSend.Outcome outcome = null;
        Exception stop = null;
        boolean exhausted = false; // the last claim found nobody queued
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                boolean more = outcome == null && !exhausted;
                if (flying.isEmpty() && !more) {
                    break;
                }
                List<Result> done = List.of();
                if (!flying.isEmpty() && (!more || flying.size() >= settings.pipeline())) {
                    done = flying.removeFirst().await();
                }
                for (Result result : done) {
                    if (result.failure() != null) {
                        exhausted = false; // a refusal may have put it back in the queue (too fast, pair rate)
                        try {
                            failures.handle(context, List.of(result.row()), result.failure());
                        } catch (BroadcastChannelSend.Stop | SendFailure.Unavailable e) {
                            stop = stop == null ? e : stop; // record every failure first, then stop once
                            outcome = BroadcastChannelSend.Outcome.STOPPED;
                        }
                    }
                }
                boolean launch = outcome == null && !exhausted && System.nanoTime() < deadline;
                Cycle cycle = cycle(context, done, launch);
                if (outcome == null && (!cycle.held() || !cycle.running())) {
                    outcome = BroadcastChannelSend.Outcome.STOPPED; // paused, cancelled, or the job taken over
                } else if (outcome == null && !launch && !exhausted) {
                    outcome = BroadcastChannelSend.Outcome.TIME_UP;
                }
                if (launch && outcome == null) {
                    if (cycle.next().rows().isEmpty()) {
                        exhausted = true;
                    } else {
                        flying.addLast(launch(threads, slots, pace, context, cycle.next(), content));
                    }
                }
            }
        }
        if (stop != null) {
            throw stop;
        }
        return outcome == null ? BroadcastChannelSend.Outcome.DONE : outcome;
    }

    /**
     * One transaction: the job still held and the broadcast still running, the finished batch's successes recorded
     * (one statement), and when {@code launch}, the next batch claimed and started (one statement: its requests may
     * leave once this commits).
     */
    private Cycle cycle(BroadcastChannelSend.Context context, List<Result> done, boolean launch) {
        TenantId tenant = context.tenant();
        UUID t = tenant.value();
        UUID broadcast = context.broadcast().id();
        List<Result> sent = done.stream().filter(r -> r.failure() == null).toList();
        return scope.write(tenant, () -> {
            recipients.markSent(t, broadcast, sent.stream().map(r -> r.row().id()).toList(),
                    sent.stream().map(Result::providerId).toList());
            boolean held = queue.held(context.job());
            boolean running = held && broadcasts.find(t, broadcast)
                    .map(row -> row.state() == BroadcastState.RUNNING).orElse(false);
            if (!launch || !running) {
                return new Cycle(held, running, new Claimed(null, List.of()));
            }
            UUID key = Ids.next();
            List<RecipientRow> next = recipients.claim(t, broadcast, context.channel().id(), settings.batchSize(),
                    key, true);
            return new Cycle(true, true, new Claimed(key, next));
        });
    }

    /** Submits the started batch's requests; each waits for a slot (in submission order) and the governor. */
    private Flight launch(ExecutorService threads, Semaphore slots, BulkPacer pace,
                          BroadcastChannelSend.Context context, Claimed batch,
                          BiFunction<BroadcastChannelSend.Context, RecipientRow,
                                  BroadcastMessage> content) {
        List<Future<Result>> results = new ArrayList<>();
        for (RecipientRow row : batch.rows()) {
            results.add(threads.submit(() -> {
                slots.acquire();
                try {
                    return one(pace, context, row, content.apply(context, row));
                } finally {
                    slots.release();
                }
            }));
        }
        return new Flight(results);
    }

    private Result one(BulkPacer pace, BroadcastChannelSend.Context context, RecipientRow row,
                       BroadcastMessage message) throws InterruptedException {
        ProviderApi.Prepared request;
        try {
            // WhatsApp: rendered and serialized before the slot, so that only the request itself follows it (less
            // jitter between the slot and the provider's clock, which counts any one second)
            request = context.channel().channelType() == ChannelType.WHATSAPP ? whatsapp(context, row, message) : null;
        } catch (SendFailure failure) {
            return new Result(row, null, failure);
        } catch (RuntimeException e) { // nothing left: back to the queue, the job retries
            return new Result(row, null, new SendFailure.Unavailable("sending failed: " + e.getClass()
                    .getSimpleName(), false));
        }
        try {
            pace.await(row.externalUserId());
            String id = request != null ? whatsapp.send(request) : telegram(context, row, message);
            return new Result(row, id, null);
        } catch (SendFailure failure) {
            return new Result(row, null, failure);
        } catch (RuntimeException e) {
            return new Result(row, null, new SendFailure.Unavailable("sending failed: " + e.getClass()
                    .getSimpleName(), true));
        }
    }

    private ProviderApi.Prepared whatsapp(BroadcastChannelSend.Context context, RecipientRow row,
                                          BroadcastMessage message) throws SendFailure {
        Map<String, String> secrets = context.secrets();
        String callback = new RecipientCallback(context.broadcast().id(), row.id()).value();
        if (message.template() != null) {
            BroadcastMessage.Template template = message.template();
            return whatsapp.prepareTemplate(secrets, row.externalUserId(), template.name(), template.language(),
                    template.bodyVariables() == null ? List.of() : template.bodyVariables(), callback);
        }
        return whatsapp.prepare(secrets, row.externalUserId(), Parts.of(message, row.id()).getFirst(), callback);
    }

    private String telegram(BroadcastChannelSend.Context context, RecipientRow row, BroadcastMessage message)
            throws SendFailure {
        if (telegram == null) {
            throw new SendFailure.Undeliverable("Parley cannot send on Telegram channels");
        }
        List<String> ids = telegram.send(new OutboundBatch(context.tenant(), context.channel(), context.secrets(),
                row.externalUserId(), List.of(Parts.of(message, row.id()).getFirst()), null, null));
        return ids.isEmpty() ? null : ids.getFirst();
    }
}
