package io.parley.worker.outbound.whatsapp;

import io.parley.core.channel.ProviderApi;
import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.worker.outbound.ChannelSender;
import io.parley.worker.outbound.OutboundBatch;
import io.parley.worker.outbound.OutboundMessage;
import io.parley.worker.outbound.ProviderHttp;
import io.parley.worker.outbound.SendFailure;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * WhatsApp Cloud API: one message per {@code POST /{phone-number-id}/messages}; the answer's
 * {@code messages[0].id} (a wamid) is the id later status webhooks (sent, delivered, read, failed) name. Outside the
 * 24-hour window (known from the contact's last message, or answered 131047) the channel's fallback template goes
 * instead ({@link TemplateWindow}, which reads the window and the fallback in one short read before the call).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class WhatsAppSender implements ChannelSender {

    static final String PHONE_NUMBER_ID = "phoneNumberId";
    static final String ACCESS_TOKEN = "accessToken";

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;

    private final TemplateWindow window;

    WhatsAppSender(ProviderHttp http, ProviderEndpoints endpoints, TemplateWindow window) {
        this.http = http;
        this.endpoints = endpoints;
        this.window = window;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    /** List row ids hold 200 characters (reply button ids 256). */
    @Override
    public int maxPostbackBytes() {
        return 200;
    }

    @Override
    public List<String> send(OutboundBatch batch) throws SendFailure {
        OutboundMessage message = batch.messages().getFirst();
        TemplateWindow.Plan plan = window.plan(batch);
        if (plan.closed(Instant.now())) {
            return Collections.singletonList(window.sendInstead(batch, plan, message, "Outside WhatsApp's 24-hour "
                    + "window: the contact last wrote at " + plan.contact().lastInboundAt()));
        }
        ProviderApi.Answer answer = http.post(ChannelType.WHATSAPP, messagesUri(endpoints, batch.credential(PHONE_NUMBER_ID)),
                WhatsAppWire.render(batch.recipient(), message), bearer(batch.credential(ACCESS_TOKEN)));
        if (!answer.ok()) {
            SendFailure failure = WhatsAppErrors.failure(answer);
            if (answer.number("error", "code") == TemplateWindow.WINDOW_CLOSED) {
                return Collections.singletonList(window.sendInstead(batch, plan, message, failure.getMessage()));
            }
            throw failure;
        }
        Object messages = answer.value("messages");
        String wamid = messages instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?> first
                && first.get("id") != null ? first.get("id").toString() : null;
        return Collections.singletonList(wamid);
    }

    static URI messagesUri(ProviderEndpoints endpoints, String phoneNumberId) {
        return URI.create(endpoints.whatsappApiUrl() + "/" + phoneNumberId + "/messages");
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
