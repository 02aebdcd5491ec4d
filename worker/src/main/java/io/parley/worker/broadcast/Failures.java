package io.parley.worker.broadcast;

import io.parley.core.broadcast.RecipientRow;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.channel.ChannelType;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.outbound.SendFailure;
import io.parley.worker.outbound.governor.SendPacing;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a provider's refusal means for the recipients of one request (docs/broadcasts.md "Failures"): credentials
 * rejected or LINE's monthly quota reached → back to queued and the broadcast pauses; too fast → back to queued and
 * the governor's bucket goes into debt; undeliverable or blocked → failed with the provider's reason; no answer →
 * back to queued (request never left) or, when the answer was lost, kept for LINE's retry key or WhatsApp's status
 * webhook, or failed as "may have arrived" on Telegram, then the job retries with backoff.
 */
final class Failures {

    private final TenantScope scope;
    private final RecipientStore recipients;
    private final SendPacing pacing;

    Failures(TenantScope scope, RecipientStore recipients, SendPacing pacing) {
        this.scope = scope;
        this.recipients = recipients;
        this.pacing = pacing;
    }

    /** Records the failure for {@code rows}; throws when the broadcast or the job must stop. */
    void handle(BroadcastChannelSend.Context context, List<RecipientRow> rows, SendFailure failure)
            throws BroadcastChannelSend.Stop, SendFailure.Unavailable {
        UUID tenant = context.tenant().value();
        UUID broadcast = context.broadcast().id();
        List<Long> ids = rows.stream().map(RecipientRow::id).toList();
        switch (failure) {
            case SendFailure.CredentialsRejected rejected -> {
                requeue(context, ids);
                throw BroadcastChannelSend.Stop.credentials(rejected);
            }
            case SendFailure.RateLimited limited -> {
                if (limited.pair()) {
                    rows.forEach(row -> pacing.penalizePair(context.channel(), context.secrets(),
                            row.externalUserId(), limited.delay()));
                } else if (limited.throughput()) {
                    pacing.penalizeThroughput(context.channel(), context.secrets(), limited.delay());
                } else {
                    pacing.penalize(context.channel(), context.secrets(), limited.delay());
                }
                requeue(context, ids);
            }
            case SendFailure.Undeliverable undeliverable -> {
                if (undeliverable.getMessage().toLowerCase(Locale.ROOT).contains("monthly")) {
                    requeue(context, ids);
                    throw new BroadcastChannelSend.Stop(undeliverable.getMessage());
                }
                scope.writeVoid(context.tenant(), () -> recipients.markFailed(tenant, broadcast, ids,
                        undeliverable.getMessage()));
            }
            case SendFailure.RecipientBlocked blocked -> scope.writeVoid(context.tenant(),
                    () -> recipients.markFailed(tenant, broadcast, ids, blocked.getMessage()));
            case SendFailure.Unavailable unavailable -> {
                if (!unavailable.answerLost()) {
                    requeue(context, ids);
                } else if (context.channel().channelType() == ChannelType.TELEGRAM) {
                    scope.writeVoid(context.tenant(), () -> recipients.markFailed(tenant, broadcast, ids,
                            RecipientStore.MAY_HAVE_ARRIVED + " (" + unavailable.getMessage() + ")"));
                } // LINE: left "sending"; the retry sends it again under the same retry key. WhatsApp: left
                // "sending" (started); its status webhook settles it, or the retry sends it again after the grace
                throw unavailable;
            }
        }
    }

    /** What went wrong, for a recipient's reason: a provider's message, else the exception's class (no secrets). */
    static String describe(Exception e) {
        return e instanceof SendFailure ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void requeue(BroadcastChannelSend.Context context, List<Long> ids) {
        scope.writeVoid(context.tenant(), () -> recipients.requeue(context.tenant().value(),
                context.broadcast().id(), ids));
    }
}
