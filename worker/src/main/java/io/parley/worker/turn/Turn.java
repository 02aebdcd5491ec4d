package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.bot.BotRow;
import io.parley.core.channel.ChannelRow;
import io.parley.core.contact.ContactRow;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRow;
import io.parley.core.flow.FlowMatcher;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one turn knows once its event is admitted: the event, the bot's configuration snapshot, the contact and
 * conversation, the stored inbound message ({@code inboundMessageId}, null for follow events, which store none), and
 * the conversation's last {@code historyWindow} messages before it for the LLM, read by the intake's transaction so
 * the LLM step needs none of its own (empty when the turn is limited or the bot keeps no history).
 *
 * <p>{@code absorbed}: the conversation's later messages that were waiting for a turn and are answered by this one
 * (oldest first; see {@link WaitingMessages}). The reply goes with the newest reply token among them.
 */
record Turn(TenantId tenant, TurnEventRow stored, InboundEvent event, BotRow bot, ChannelRow channel,
            FlowMatcher flows, ContactRow contact, boolean newContact, ConversationRow conversation,
            @Nullable UUID inboundMessageId, TurnLimits.Verdict limits, List<MessageRow> history,
            List<Absorbed> absorbed) {

    /** A later message of the conversation, answered by this turn. */
    record Absorbed(UUID eventId, InboundEvent event, Instant receivedAt) {
    }

    Turn(TenantId tenant, TurnEventRow stored, InboundEvent event, BotRow bot, ChannelRow channel, FlowMatcher flows,
         ContactRow contact, boolean newContact, ConversationRow conversation, @Nullable UUID inboundMessageId,
         TurnLimits.Verdict limits, List<MessageRow> history) {
        this(tenant, stored, event, bot, channel, flows, contact, newContact, conversation, inboundMessageId, limits,
                history, List.of());
    }

    /** A turn whose contact changed (e.g. its display name was learnt after the intake). */
    Turn withContact(ContactRow changed) {
        return new Turn(tenant, stored, event, bot, channel, flows, changed, newContact, conversation,
                inboundMessageId, limits, history, absorbed);
    }

    /** The same turn answering {@code more} waiting messages too. */
    Turn absorbing(List<Absorbed> more) {
        List<Absorbed> all = new ArrayList<>(absorbed);
        all.addAll(more);
        return new Turn(tenant, stored, event, bot, channel, flows, contact, newContact, conversation,
                inboundMessageId, limits, history, List.copyOf(all));
    }

    /** The turn for another event of the same conversation (to ask the flows about a waiting message). */
    Turn forEvent(InboundEvent other) {
        return new Turn(tenant, stored, other, bot, channel, flows, contact, false, conversation, inboundMessageId,
                limits, history, List.of());
    }

    /** Replies carry it as payload.replyTo. */
    UUID eventId() {
        return stored.id();
    }

    /** Every message this turn answers, oldest first: its own and the absorbed ones. */
    List<InboundEvent> events() {
        List<InboundEvent> all = new ArrayList<>();
        all.add(event);
        absorbed.forEach(message -> all.add(message.event()));
        return all;
    }

    /** The reply token to answer with: the newest one (LINE tokens expire about a minute after their message). */
    @Nullable
    String replyToken() {
        for (Absorbed message : absorbed.reversed()) {
            if (message.event().replyToken() != null) {
                return message.event().replyToken();
            }
        }
        return event.replyToken();
    }

    /** When the message of {@link #replyToken()} arrived: its reply window runs from then. */
    Instant replyTokenReceivedAt() {
        for (Absorbed message : absorbed.reversed()) {
            if (message.event().replyToken() != null) {
                return message.receivedAt();
            }
        }
        return stored.receivedAt();
    }
}
