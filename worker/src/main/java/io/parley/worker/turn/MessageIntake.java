package io.parley.worker.turn;

import io.micronaut.json.JsonMapper;
import io.parley.core.config.BotConfiguration;
import io.parley.core.channel.ChannelRow;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.UpsertedContact;
import io.parley.core.contact.optout.OptOutKeywords;
import io.parley.core.contact.optout.OptOutRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.conversation.MessageRow;
import io.parley.core.events.TenantEvents;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The turn's first transaction (which also read the event, see InboundTurnHandler): the contact and conversation
 * (created on first sight), the inbound message (its id is the inbound event's, so a re-run stores nothing twice),
 * the dashboard's "message.received", then whether the bot may answer at all, the limits, and the history the LLM
 * will see. Empty when the turn stops here: a blocked contact (nothing stored), a paused bot or a conversation a
 * person has taken over (stored, the dashboard sees it live), or a turn that already answered before a crash.
 */
@Singleton
final class MessageIntake {

    /** Above every UUID: the history of a turn without an inbound message (a follow) ends with the newest message. */
    private static final UUID NEWEST = new UUID(-1L, -1L);

    private final ContactRepository contacts;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final TurnRepository turns;
    private final TurnLimits limits;
    private final ConversationHistory history;
    private final TenantEvents events;
    private final JsonMapper json;
    private final OptOutKeywords optOutKeywords;
    private final OptOutRepository optOuts;
    private final UnsentReplies unsent;

    MessageIntake(ContactRepository contacts, ConversationRepository conversations,
                  MessageRepository messages, TurnRepository turns, TurnLimits limits, ConversationHistory history,
                  TenantEvents events, JsonMapper json, OptOutKeywords optOutKeywords, OptOutRepository optOuts,
                  UnsentReplies unsent) {
        this.unsent = unsent;
        this.optOutKeywords = optOutKeywords;
        this.optOuts = optOuts;
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
        this.turns = turns;
        this.limits = limits;
        this.history = history;
        this.events = events;
        this.json = json;
    }

    /** Call inside the tenant's replayable scope (the handler's first transaction). */
    Optional<Turn> admit(TenantId tenant, TurnEventRow stored, InboundEvent event, BotConfiguration config,
                         ChannelRow channel) {
        UUID t = tenant.value();
        // A follow, or any message: whoever writes to the bot can be answered again (e.g. after unblocking a
        // Telegram bot, which sends no follow event), and the senders skip identities marked unfollowed. One
        // statement, which writes neither row of a known contact that is following already.
        UpsertedContact seen = contacts.upsertWriting(t, channel.id(), event.externalUserId(), event.displayName());
        boolean follow = event.type() == InboundEvent.Type.FOLLOW;
        if (seen.contact().blocked()) {
            return Optional.empty();
        }
        ConversationRow conversation = conversations.upsert(t, Ids.next(), config.bot().id(), channel.id(),
                seen.contact().id());
        UUID messageId = follow ? null : stored.id();
        boolean firstSeen = messageId != null && store(tenant, messageId, event, conversation, seen.contact().id());
        if (firstSeen && event.type() == InboundEvent.Type.TEXT) {
            // An opt-out keyword puts the sender on the suppression list (docs/contacts.md "Opt-out"); the turn goes
            // on, so a flow on the same keyword can confirm it.
            OptOutKeywords.match(event.text(), optOutKeywords.of(tenant)).ifPresent(keyword ->
                    optOuts.add(t, channel.id(), event.externalUserId(), "keyword", keyword));
        }
        // a message stored just now was never answered: only a re-run (or a follow, which stores none) can find a reply,
        // whose send its first attempt may not have finished (the turn sends it itself after the commit)
        if (!firstSeen && turns.answered(t, stored.id())) {
            unsent.resume(tenant, stored.id(), event);
            return Optional.empty();
        }
        if ("paused".equals(config.bot().status()) || conversation.botPaused()) {
            return Optional.empty();
        }
        TurnLimits.Verdict verdict = follow ? TurnLimits.Verdict.none()
                : limits.check(tenant, config.bot(), seen.contact(), conversation, Instant.now());
        int window = config.bot().historyWindow();
        List<MessageRow> recent = window <= 0 || verdict.limitedUntil() != null ? List.of()
                : history.before(t, conversation.id(), messageId == null ? NEWEST : messageId, window);
        return Optional.of(new Turn(tenant, stored, event, config.bot(), channel, config.flows(), seen.contact(),
                seen.created(), conversation, messageId, verdict, recent));
    }

    /**
     * Stores an inbound message (its id is its event's) unless it is stored already, and tells the dashboard; true
     * when it was new. Also used for the waiting messages a turn absorbs ({@link WaitingMessages}).
     */
    boolean store(TenantId tenant, UUID messageId, InboundEvent event, ConversationRow conversation, UUID contactId) {
        UUID t = tenant.value();
        boolean firstSeen = messages.insertIfAbsent(t, messageId, conversation.id(), "inbound", "contact", null,
                event.type().name().toLowerCase(Locale.ROOT), storedText(event), payload(event),
                event.providerMessageId(), "received") == 1;
        if (firstSeen) {
            conversations.recordInbound(t, conversation.id());
            events.publish(tenant, "message.received", Map.of("conversationId", conversation.id().toString(),
                    "messageId", messageId.toString(), "contactId", contactId.toString(),
                    "channelId", conversation.channelId().toString(), "botPaused", conversation.botPaused()));
        }
        return firstSeen;
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
