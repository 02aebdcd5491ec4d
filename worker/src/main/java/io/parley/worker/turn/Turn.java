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

import java.util.List;
import java.util.UUID;

/**
 * What one turn knows once its event is admitted: the event, the bot's configuration snapshot, the contact and
 * conversation, the stored inbound message ({@code inboundMessageId}, null for follow events, which store none), and
 * the conversation's last {@code historyWindow} messages before it for the LLM, read by the intake's transaction so
 * the LLM step needs none of its own (empty when the turn is limited or the bot keeps no history).
 */
record Turn(TenantId tenant, TurnEventRow stored, InboundEvent event, BotRow bot, ChannelRow channel,
            FlowMatcher flows, ContactRow contact, boolean newContact, ConversationRow conversation,
            @Nullable UUID inboundMessageId, TurnLimits.Verdict limits, List<MessageRow> history) {

    /** A turn whose contact changed (e.g. its display name was learnt after the intake). */
    Turn withContact(ContactRow changed) {
        return new Turn(tenant, stored, event, bot, channel, flows, changed, newContact, conversation,
                inboundMessageId, limits, history);
    }

    /** Replies carry it as payload.replyTo. */
    UUID eventId() {
        return stored.id();
    }
}
