package io.parley.worker.outbound.whatsapp;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderApi;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.worker.outbound.ProviderHttp;
import io.parley.worker.outbound.SendFailure;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Sends one WhatsApp template message ({@link TemplateMessage}) from a channel's number and answers its wamid.
 * Reusable by anything that sends templates (the 24-hour fallback, broadcasts). Like a {@link
 * io.parley.worker.outbound.ChannelSender}: no database transaction, nothing of the request logged, failures typed
 * as {@link SendFailure} by Meta's error code (e.g. 132001 template does not exist → undeliverable).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class TemplateSender {

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;

    TemplateSender(ProviderHttp http, ProviderEndpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    /**
     * @param credentials the channel's opened credentials (phoneNumberId, accessToken)
     * @param to          the recipient's wa_id
     * @return the wamid WhatsApp gave the message (null if its answer had none)
     */
    public String send(Map<String, String> credentials, String to, TemplateMessage message) throws SendFailure {
        String phoneNumberId = credentials.get(WhatsAppSender.PHONE_NUMBER_ID);
        String token = credentials.get(WhatsAppSender.ACCESS_TOKEN);
        if (phoneNumberId == null || token == null) {
            throw new SendFailure.CredentialsRejected("The channel has no phoneNumberId or accessToken; save its "
                    + "credentials again.");
        }
        ProviderApi.Answer answer = http.post(ChannelType.WHATSAPP, WhatsAppSender.messagesUri(endpoints, phoneNumberId),
                TemplateWire.render(to, message), WhatsAppSender.bearer(token));
        if (!answer.ok()) {
            throw WhatsAppErrors.failure(answer);
        }
        return answer.value("messages") instanceof List<?> list && !list.isEmpty()
                && list.getFirst() instanceof Map<?, ?> first && first.get("id") != null
                ? first.get("id").toString() : null;
    }
}
