package io.parley.worker.broadcast;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.broadcast.BroadcastMessage;
import io.parley.core.broadcast.RecipientRow;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.channel.ChannelType;
import io.parley.core.ratelimit.SendGovernor;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.outbound.ChannelSender;
import io.parley.worker.outbound.OutboundBatch;
import io.parley.worker.outbound.SendFailure;
import io.parley.worker.outbound.governor.SendPacing;
import io.parley.worker.outbound.whatsapp.WhatsAppBroadcastSend;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;

/**
 * WhatsApp and Telegram broadcasts: one request per recipient (a template or the first part on WhatsApp, the first
 * part on Telegram), {@link BroadcastSettings#concurrency()} in flight, each paced by the governor at bulk priority.
 * The batch's successes are recorded with one statement, then its failures (see {@link Failures}).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class PerRecipientSend {

    private record Result(RecipientRow row, String providerId, SendFailure failure) {
    }

    private final TenantScope scope;
    private final RecipientStore recipients;
    private final SendPacing pacing;
    private final WhatsAppBroadcastSend whatsapp;
    private final ChannelSender telegram;
    private final BroadcastSettings settings;

    PerRecipientSend(TenantScope scope, RecipientStore recipients, SendPacing pacing, WhatsAppBroadcastSend whatsapp,
                     List<ChannelSender> senders, BroadcastSettings settings) {
        this.scope = scope;
        this.recipients = recipients;
        this.pacing = pacing;
        this.whatsapp = whatsapp;
        this.telegram = senders.stream().filter(s -> s.type() == ChannelType.TELEGRAM).findFirst().orElse(null);
        this.settings = settings;
    }

    SendPacing pacing() {
        return pacing;
    }

    void send(BroadcastChannelSend.Context context, List<RecipientRow> batch,
              BiFunction<BroadcastChannelSend.Context, RecipientRow, BroadcastMessage> content) throws Exception {
        List<Result> results = new ArrayList<>();
        Semaphore slots = new Semaphore(settings.concurrency());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Result>> pending = new ArrayList<>();
            for (RecipientRow row : batch) {
                slots.acquire();
                pending.add(threads.submit(() -> {
                    try {
                        return one(context, row, content.apply(context, row));
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<Result> result : pending) {
                results.add(result.get());
            }
        }
        List<Result> sent = results.stream().filter(r -> r.failure() == null).toList();
        scope.writeVoid(context.tenant(), () -> recipients.markSent(context.tenant().value(), context.broadcast().id(),
                sent.stream().map(r -> r.row().id()).toList(), sent.stream().map(Result::providerId).toList()));
        Failures failures = new Failures(scope, recipients, pacing);
        Exception stop = null;
        for (Result result : results) {
            if (result.failure() == null) {
                continue;
            }
            try {
                failures.handle(context, List.of(result.row()), result.failure());
            } catch (BroadcastChannelSend.Stop | SendFailure.Unavailable e) {
                stop = stop == null ? e : stop; // record every failure first, then stop once
            }
        }
        if (stop != null) {
            throw stop;
        }
    }

    private Result one(BroadcastChannelSend.Context context, RecipientRow row, BroadcastMessage message)
            throws InterruptedException {
        pacing.take(context.channel(), context.secrets(), row.externalUserId(), SendGovernor.Priority.BULK, null);
        try {
            String id = context.channel().channelType() == ChannelType.WHATSAPP
                    ? whatsapp(context.secrets(), row, message)
                    : telegram(context, row, message);
            return new Result(row, id, null);
        } catch (SendFailure failure) {
            return new Result(row, null, failure);
        } catch (RuntimeException e) {
            return new Result(row, null, new SendFailure.Unavailable("sending failed: " + e.getClass()
                    .getSimpleName(), true));
        }
    }

    private String whatsapp(Map<String, String> secrets, RecipientRow row, BroadcastMessage message)
            throws SendFailure {
        if (message.template() != null) {
            BroadcastMessage.Template template = message.template();
            return whatsapp.sendTemplate(secrets, row.externalUserId(), template.name(), template.language(),
                    template.bodyVariables() == null ? List.of() : template.bodyVariables());
        }
        return whatsapp.send(secrets, row.externalUserId(), Parts.of(message, row.id()).getFirst());
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
