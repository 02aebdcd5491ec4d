package io.parley.worker.outbound.whatsapp;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderApi;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.worker.outbound.OutboundMessage;
import io.parley.worker.outbound.ProviderHttp;
import io.parley.worker.outbound.SendFailure;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * WhatsApp sends of broadcasts: a message part as the live sender renders it, or a template message
 * (shared/protocols fixture whatsapp-send-template-request.json: {@code type: template}, {@code template.name},
 * {@code template.language.code}, body parameters of type text). Returns the wamid the status webhooks name.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class WhatsAppBroadcastSend {

    @Serdeable(naming = SnakeCaseStrategy.class)
    record TemplateSend(String messagingProduct, String recipientType, String to, String type, Template template,
                        String bizOpaqueCallbackData) {
    }

    /** A part as the live sender renders it, with the broadcast recipient's callback data. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartSend(String messagingProduct, String recipientType, String to, String type,
                    WhatsAppWire.@Nullable Text text, WhatsAppWire.@Nullable Interactive interactive,
                    WhatsAppWire.@Nullable Image image, String bizOpaqueCallbackData) {
    }

    @Serdeable
    record Template(String name, Language language, List<Component> components) {
    }

    @Serdeable
    record Language(String code) {
    }

    @Serdeable
    record Component(String type, List<Parameter> parameters) {
    }

    @Serdeable
    record Parameter(String type, String text) {
    }

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;

    WhatsAppBroadcastSend(ProviderHttp http, ProviderEndpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    /**
     * A part, ready to send; {@code callback} is echoed by Meta as {@code biz_opaque_callback_data} in the message's
     * status webhooks (Cloud API "Send messages": up to 512 characters). Built before the send waits for its rate
     * slot, so that only the request follows the slot ({@link #send}).
     */
    public ProviderApi.Prepared prepare(Map<String, String> credentials, String to, OutboundMessage message,
                                        String callback) throws SendFailure {
        WhatsAppWire.Send part = WhatsAppWire.render(to, message);
        return prepare(credentials, new PartSend(part.messagingProduct(), part.recipientType(), part.to(),
                part.type(), part.text(), part.interactive(), part.image(), callback));
    }

    /** A template message with its body variables, ready to send. */
    public ProviderApi.Prepared prepareTemplate(Map<String, String> credentials, String to, String name,
                                                String language, List<String> bodyVariables, String callback)
            throws SendFailure {
        List<Component> components = bodyVariables.isEmpty() ? List.of() : List.of(new Component("body",
                bodyVariables.stream().map(text -> new Parameter("text", text)).toList()));
        return prepare(credentials, new TemplateSend("whatsapp", "individual", to, "template",
                new Template(name, new Language(language), components), callback));
    }

    /** Sends a prepared message; returns its wamid (null when the answer names none). */
    public String send(ProviderApi.Prepared request) throws SendFailure {
        ProviderApi.Answer answer = http.send(request);
        if (!answer.ok()) {
            throw WhatsAppErrors.failure(answer);
        }
        Object messages = answer.value("messages");
        return messages instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?> first
                && first.get("id") != null ? first.get("id").toString() : null;
    }

    private ProviderApi.Prepared prepare(Map<String, String> credentials, Object body) throws SendFailure {
        String number = credentials.get(WhatsAppSender.PHONE_NUMBER_ID);
        String token = credentials.get(WhatsAppSender.ACCESS_TOKEN);
        if (number == null || number.isBlank() || token == null || token.isBlank()) {
            throw new SendFailure.CredentialsRejected("The channel has no phoneNumberId or accessToken; save its"
                    + " credentials again.");
        }
        return http.prepare(ChannelType.WHATSAPP, WhatsAppSender.messagesUri(endpoints, number), body,
                WhatsAppSender.bearer(token));
    }
}
