package io.parley.worker.outbound.whatsapp;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.worker.outbound.ChatSignals;
import jakarta.inject.Singleton;

/**
 * <b>For the turn:</b> marks an inbound WhatsApp message read (blue ticks; every earlier message of the chat too) and
 * shows the typing indicator until the reply arrives or for 25 s
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/typing-indicators). Call it when the bot will answer,
 * with the inbound message's wamid ({@code InboundEvent.providerMessageId()}).
 *
 * <p>Best-effort ({@link ChatSignals}): answers whether WhatsApp took it, never throws for a provider problem. Call
 * it outside any database transaction.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class WhatsAppReads {

    private final ChatSignals signals;
    private final ProviderEndpoints endpoints;

    WhatsAppReads(ChatSignals signals, ProviderEndpoints endpoints) {
        this.signals = signals;
        this.endpoints = endpoints;
    }

    public boolean markRead(ChannelRow channel, String wamid) {
        return signals.send(channel, ChannelType.WHATSAPP, "read receipt", credentials -> {
            String phoneNumberId = credentials.get(WhatsAppSender.PHONE_NUMBER_ID);
            String token = credentials.get(WhatsAppSender.ACCESS_TOKEN);
            return phoneNumberId == null || token == null ? null : new ChatSignals.Signal(
                    WhatsAppSender.messagesUri(endpoints, phoneNumberId), WhatsAppWire.markRead(wamid),
                    WhatsAppSender.bearer(token));
        });
    }
}
