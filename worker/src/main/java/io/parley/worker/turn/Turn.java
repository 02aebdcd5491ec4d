package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.bot.BotRow;
import io.parley.core.channel.ChannelRow;
import io.parley.core.contact.ContactRow;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.flow.FlowMatcher;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.TenantId;

import java.util.UUID;

/**
 * What one turn knows once its event is admitted: the event, the bot's configuration snapshot, the contact and
 * conversation, and the stored inbound message ({@code inboundMessageId}, null for follow events, which store none).
 */
record Turn(TenantId tenant, TurnEventRow stored, InboundEvent event, BotRow bot, ChannelRow channel,
            FlowMatcher flows, ContactRow contact, boolean newContact, ConversationRow conversation,
            @Nullable UUID inboundMessageId, TurnLimits.Verdict limits) {

    /** Replies carry it as payload.replyTo. */
    UUID eventId() {
        return stored.id();
    }
}
