package io.parley.worker.turn;

import io.micronaut.json.JsonMapper;
import io.parley.core.config.BotConfiguration;
import io.parley.core.channel.ChannelRow;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.UpsertedContact;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.events.TenantEvents;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The turn's first transaction: the contact and conversation (created on first sight), the inbound message (its id
 * is the inbound event's, so a re-run stores nothing twice), the dashboard's "message.received", then whether the
 * bot may answer at all and the limits. Empty when the turn stops here: a blocked contact (nothing stored), a
 * paused bot or a conversation a person has taken over (stored, the dashboard sees it live), or a turn that
 * already answered before a crash.
 */
@Singleton
final class MessageIntake {

    private final TenantScope scope;
    private final ContactRepository contacts;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final TurnRepository turns;
    private final TurnLimits limits;
    private final TenantEvents events;
    private final JsonMapper json;

    MessageIntake(TenantScope scope, ContactRepository contacts, ConversationRepository conversations,
                  MessageRepository messages, TurnRepository turns, TurnLimits limits, TenantEvents events,
                  JsonMapper json) {
        this.scope = scope;
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
        this.turns = turns;
        this.limits = limits;
        this.events = events;
        this.json = json;
    }

    Optional<Turn> admit(TenantId tenant, TurnEventRow stored, InboundEvent event, BotConfiguration config,
                         ChannelRow channel) {
        UUID t = tenant.value();
        // replayable: lost in a database crash, the turn runs again from its stored event (TenantScope)
        return scope.writeReplayable(tenant, () -> {
            UpsertedContact seen = contacts.upsertByIdentity(t, channel.id(), event.externalUserId(),
                    event.displayName(), null);
            // A follow, or any message: whoever writes to the bot can be answered again (e.g. after unblocking a
            // Telegram bot, which sends no follow event), and the senders skip identities marked unfollowed.
            contacts.setFollowing(t, channel.id(), event.externalUserId(), true);
            boolean follow = event.type() == InboundEvent.Type.FOLLOW;
            if (seen.contact().blocked()) {
                return Optional.empty();
            }
            ConversationRow conversation = conversations.upsert(t, Ids.next(), config.bot().id(), channel.id(),
                    seen.contact().id());
            UUID messageId = follow ? null : stored.id();
            if (messageId != null && messages.find(t, messageId).isEmpty()) {
                messages.insert(t, messageId, conversation.id(), "inbound", "contact", null,
                        event.type().name().toLowerCase(Locale.ROOT), storedText(event), payload(event),
                        event.providerMessageId(), "received");
                conversations.recordInbound(t, conversation.id());
                events.publish(tenant, "message.received", Map.of("conversationId", conversation.id().toString(),
                        "messageId", messageId.toString(), "contactId", seen.contact().id().toString(),
                        "channelId", channel.id().toString(), "botPaused", conversation.botPaused()));
            }
            if (turns.answered(t, stored.id())
                    || "paused".equals(config.bot().status()) || conversation.botPaused()) {
                return Optional.empty();
            }
            TurnLimits.Verdict verdict = follow ? TurnLimits.Verdict.none()
                    : limits.check(tenant, config.bot(), seen.contact(), conversation, Instant.now());
            return Optional.of(new Turn(tenant, stored, event, config.bot(), channel, config.flows(), seen.contact(),
                    seen.created(), conversation, messageId, verdict));
        });
    }

    /** What the inbox shows: the text, or for a button press its label, else its data. */
    private static String storedText(InboundEvent event) {
        if (event.text() != null) {
            return event.text();
        }
        return event.type() == InboundEvent.Type.POSTBACK ? event.postbackData() : null;
    }

    private String payload(InboundEvent event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (event.postbackData() != null) {
            payload.put("postbackData", event.postbackData());
        }
        if (event.mediaId() != null) {
            payload.put("mediaId", event.mediaId());
        }
        if (event.attributes() != null && !event.attributes().isEmpty()) {
            payload.put("attributes", event.attributes());
        }
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
