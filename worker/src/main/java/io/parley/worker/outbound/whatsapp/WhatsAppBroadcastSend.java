package io.parley.worker.outbound.whatsapp;

import io.micronaut.context.annotation.Requires;
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
    record TemplateSend(String messagingProduct, String recipientType, String to, String type, Template template) {
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

    public String send(Map<String, String> credentials, String to, OutboundMessage message) throws SendFailure {
        return post(credentials, WhatsAppWire.render(to, message));
    }

    public String sendTemplate(Map<String, String> credentials, String to, String name, String language,
                               List<String> bodyVariables) throws SendFailure {
        List<Component> components = bodyVariables.isEmpty() ? List.of() : List.of(new Component("body",
                bodyVariables.stream().map(text -> new Parameter("text", text)).toList()));
        return post(credentials, new TemplateSend("whatsapp", "individual", to, "template",
                new Template(name, new Language(language), components)));
    }

    private String post(Map<String, String> credentials, Object body) throws SendFailure {
        String number = credentials.get(WhatsAppSender.PHONE_NUMBER_ID);
        String token = credentials.get(WhatsAppSender.ACCESS_TOKEN);
        if (number == null || number.isBlank() || token == null || token.isBlank()) {
            throw new SendFailure.CredentialsRejected("The channel has no phoneNumberId or accessToken; save its"
                    + " credentials again.");
        }
        ProviderApi.Answer answer = http.post(ChannelType.WHATSAPP, WhatsAppSender.messagesUri(endpoints, number),
                body, WhatsAppSender.bearer(token));
        if (!answer.ok()) {
            throw WhatsAppErrors.failure(answer);
        }
        Object messages = answer.value("messages");
        return messages instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?> first
                && first.get("id") != null ? first.get("id").toString() : null;
    }
}
