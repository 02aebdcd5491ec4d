package io.parley.worker.turn;

import io.parley.core.notification.NotificationDraft;
import io.parley.core.notification.NotificationDraft.Severity;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.Role;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A hand-off to a person notifies everyone who can answer (agents, admins, owners): in the bell, live, and by email
 * when SMTP is configured (docs/notifications.md). Raised in the transaction that pauses the bot, once per hand-off
 * (the dedup key is the inbound event that asked for it, so a re-run of the turn raises nothing new).
 */
@Singleton
final class HandoffNotice {

    private final Notifications notifications;

    HandoffNotice(Notifications notifications) {
        this.notifications = notifications;
    }

    /** Call inside the turn's tenant transaction. */
    void raise(Turn turn, UUID conversationId) {
        String contact = turn.contact().displayName() == null || turn.contact().displayName().isBlank()
                ? "A contact" : turn.contact().displayName();
        String channel = turn.channel().channelType().name().toLowerCase(java.util.Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("contactName", contact);
        params.put("botName", turn.bot().name());
        params.put("channel", channel);
        params.put("conversationId", conversationId.toString());
        notifications.raise(turn.tenant(), new NotificationDraft("conversation.handoff", Severity.WARNING, Role.AGENT,
                contact + " asks for a person",
                contact + " asked for a person on " + channel + " (bot " + turn.bot().name() + "). The bot is paused in "
                        + "this conversation until someone releases it: answer in the inbox.",
                params, "/inbox/" + conversationId, "handoff:" + turn.eventId()));
    }
}
