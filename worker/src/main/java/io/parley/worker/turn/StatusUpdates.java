package io.parley.worker.turn;

import io.parley.core.broadcast.RecipientCallback;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.events.TenantEvents;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;

/**
 * Delivery statuses of messages Parley sent (WhatsApp sent/delivered/read/failed): the message's status moves
 * forward only (statuses arrive out of order; a late "delivered" after "read" changes nothing) and the dashboard
 * hears of each change. A status for a message Parley does not know (sent from another tool) is ignored.
 */
@Singleton
public final class StatusUpdates {

    private final TenantScope scope;
    private final MessageRepository messages;
    private final TenantEvents events;
    /** Broadcast recipients' statuses move forward the same way (docs/broadcasts.md "Statuses"). */
    private final RecipientStore broadcastRecipients;

    StatusUpdates(TenantScope scope, MessageRepository messages, TenantEvents events,
                  RecipientStore broadcastRecipients) {
        this.broadcastRecipients = broadcastRecipients;
        this.scope = scope;
        this.messages = messages;
        this.events = events;
    }

    public void apply(TenantId tenant, InboundEvent event) {
        InboundEvent.StatusUpdate update = event.statusUpdate();
        if (update == null || update.providerMessageId() == null || update.status() == null) {
            return;
        }
        UUID t = tenant.value();
        String reason = update.errorCode() == null ? null
                : update.errorCode() + (update.errorTitle() == null ? "" : ": " + update.errorTitle());
        // The callback data names a broadcast recipient even when its send's answer (the wamid) was lost
        RecipientCallback.parse(update.callbackData()).ifPresent(recipient -> scope.writeVoid(tenant,
                () -> broadcastRecipients.confirm(t, recipient.broadcast(), recipient.recipient(),
                        update.providerMessageId(), update.status(), reason)));
        scope.writeVoid(tenant, () -> broadcastRecipients.advance(t, update.providerMessageId(), update.status(),
                reason));
        scope.writeVoid(tenant, () -> messages.findByProviderId(t, update.providerMessageId()).ifPresent(message -> {
            String detail = update.errorCode() == null ? null
                    : update.errorCode() + (update.errorTitle() == null ? "" : ": " + update.errorTitle());
            if (messages.advanceStatus(t, message.id(), update.status(), detail) > 0) {
                events.publish(tenant, "message.status", Map.of("conversationId",
                        message.conversationId().toString(), "messageId", message.id().toString(),
                        "status", update.status()));
            }
        }));
    }
}
