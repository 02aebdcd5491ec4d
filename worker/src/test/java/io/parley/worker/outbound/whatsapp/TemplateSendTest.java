package io.parley.worker.outbound.whatsapp;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.ChannelType;
import io.parley.core.queue.JobDiscard;
import io.parley.core.template.WindowFallbackRepository;
import io.parley.core.testing.Fixtures;
import io.parley.worker.outbound.FakeProviders;
import io.parley.worker.outbound.OutboundTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Template sends with per-recipient values, and the 24-hour-window fallback, against the fake WhatsApp API. */
@MicronautTest(transactional = false)
class TemplateSendTest extends OutboundTest {

    private static final String CONTACT = "15551230001";

    @Inject
    TemplateSender templates;
    @Inject
    WindowFallbackRepository fallbacks;
    @Inject
    DataSource dataSource;

    private String phoneNumberId;

    private Map<String, String> credentials() {
        return Map.of("phoneNumberId", phoneNumberId, "accessToken", "EAAGtemplatesendtest", "appSecret", "secret",
                "verifyToken", "verify");
    }

    private Chat whatsAppChat() {
        phoneNumberId = String.valueOf(200_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFFFL));
        return chat(ChannelType.WHATSAPP, credentials(), CONTACT);
    }

    private String messagesPath() {
        return "/" + phoneNumberId + "/messages";
    }

    @Test
    void aTemplateWithBodyAndQuickReplyValuesIsSentByteForByteAsTheFixture() throws Exception {
        whatsAppChat();
        fake.scriptFixture(messagesPath(), 200, "whatsapp-send-template-response.json");

        String wamid = templates.send(credentials(), CONTACT, new TemplateMessage("conversation_resume_v1", "en_US",
                List.of("Test User"), null, List.of(new TemplateMessage.ButtonValue(0,
                TemplateMessage.ButtonKind.QUICK_REPLY, "RESUME_CHAT"))));

        FakeProviders.Request request = fake.requests(messagesPath()).getLast();
        assertThat(request.body()).isEqualTo(compact(Fixtures.text("whatsapp-send-template-request.json")));
        assertThat(request.headers().get("authorization")).isEqualTo("Bearer EAAGtemplatesendtest");
        assertThat(wamid).isEqualTo("wamid.FAKE000000000000000000000000000780");
    }

    @Test
    void headerMediaAndUrlButtonValuesGoInTheirComponents() throws Exception {
        whatsAppChat();

        templates.send(credentials(), CONTACT, new TemplateMessage("spring_sale", "zh_TW", List.of("Mei", "20%"),
                new TemplateMessage.Header(TemplateMessage.HeaderKind.IMAGE, "https://cdn.example.com/sale.jpg"),
                List.of(new TemplateMessage.ButtonValue(1, TemplateMessage.ButtonKind.URL, "spring-2027"))));

        assertThat(fake.requests(messagesPath()).getLast().json().get("template")).isEqualTo(Map.of(
                "name", "spring_sale", "language", Map.of("code", "zh_TW"), "components", List.of(
                        Map.of("type", "header", "parameters", List.of(Map.of("type", "image",
                                "image", Map.of("link", "https://cdn.example.com/sale.jpg")))),
                        Map.of("type", "body", "parameters", List.of(Map.of("type", "text", "text", "Mei"),
                                Map.of("type", "text", "text", "20%"))),
                        Map.of("type", "button", "sub_type", "url", "index", "1", "parameters",
                                List.of(Map.of("type", "text", "text", "spring-2027"))))));
    }

    @Test
    void aMessageRefusedOutsideTheWindowIsSentAsTheChannelsFallbackTemplate() throws Exception {
        Chat chat = whatsAppChat();
        fallback(chat, "conversation_resume_v1", "[\"{{contact.displayName}}\", \"{{message.text}}\"]");
        UUID late = queueText(chat, "Your table is ready.");
        fake.scriptFixture(messagesPath(), 400, "whatsapp-error-131047.json");
        fake.scriptFixture(messagesPath(), 200, "whatsapp-send-template-response.json");

        send(chat, List.of(late));

        List<FakeProviders.Request> sent = fake.requests(messagesPath());
        assertThat(sent).hasSize(2);
        assertThat(sent.getFirst().json()).containsEntry("type", "text");
        Map<String, Object> template = sent.get(1).json();
        assertThat(template).containsEntry("type", "template").containsEntry("to", CONTACT);
        assertThat(template.get("template")).isEqualTo(Map.of("name", "conversation_resume_v1",
                "language", Map.of("code", "en_US"), "components", List.of(Map.of("type", "body", "parameters",
                        List.of(Map.of("type", "text", "text", "Test User"),
                                Map.of("type", "text", "text", "Your table is ready."))))));
        assertThat(message(chat, late).status()).isEqualTo("sent");
        assertThat(message(chat, late).providerMessageId()).isEqualTo("wamid.FAKE000000000000000000000000000780");
    }

    @Test
    void withoutAFallbackTheRefusedMessageFailsSayingNoneIsSet() throws Exception {
        Chat chat = whatsAppChat();
        UUID late = queueText(chat, "Are you still there?");
        fake.scriptFixture(messagesPath(), 400, "whatsapp-error-131047.json");

        assertThatThrownBy(() -> send(chat, List.of(late))).isInstanceOf(JobDiscard.class);

        assertThat(message(chat, late).status()).isEqualTo("failed");
        assertThat(message(chat, late).statusDetail()).contains("131047")
                .contains("No 24-hour fallback template is set for this WhatsApp channel");
        assertThat(fake.requests(messagesPath())).hasSize(1);
    }

    @Test
    void whenTheContactLastWroteOverADayAgoTheTemplateGoesWithoutTryingFreeFormFirst() throws Exception {
        Chat chat = whatsAppChat();
        fallback(chat, "conversation_resume_v1", "[\"{{contact.displayName}}\"]");
        lastInbound(chat, "25 hours");
        UUID late = queueText(chat, "Following up on your order.");

        send(chat, List.of(late));

        List<FakeProviders.Request> sent = fake.requests(messagesPath());
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().json()).containsEntry("type", "template");
        assertThat(message(chat, late).status()).isEqualTo("sent");
    }

    @Test
    void withinTheWindowTheMessageGoesFreeFormEvenWithAFallbackSet() throws Exception {
        Chat chat = whatsAppChat();
        fallback(chat, "conversation_resume_v1", "[\"{{contact.displayName}}\"]");
        lastInbound(chat, "23 hours");
        UUID reply = queueText(chat, "Sure, see you at 7.");

        send(chat, List.of(reply));

        assertThat(fake.requests(messagesPath())).hasSize(1);
        assertThat(fake.requests(messagesPath()).getFirst().json()).containsEntry("type", "text");
    }

    @Test
    void aFallbackTemplateWhatsAppRefusesFailsTheMessageWithBothReasons() throws Exception {
        Chat chat = whatsAppChat();
        fallback(chat, "retired_template", "[]");
        UUID late = queueText(chat, "Hello again");
        fake.scriptFixture(messagesPath(), 400, "whatsapp-error-131047.json");
        fake.script(messagesPath(), 404, """
                {"error":{"message":"(#132001) Template name does not exist in the translation","type":"OAuthException",\
                "code":132001,"fbtrace_id":"AFakeTraceId0000000009"}}""");

        assertThatThrownBy(() -> send(chat, List.of(late))).isInstanceOf(JobDiscard.class);

        assertThat(message(chat, late).status()).isEqualTo("failed");
        assertThat(message(chat, late).statusDetail()).contains("131047").contains("retired_template")
                .contains("132001");
    }

    private void fallback(Chat chat, String name, String variables) {
        scope.writeVoid(chat.tenant(), () -> fallbacks.save(chat.tenant().value(), chat.channel().id(), name, "en_US",
                variables));
    }

    private void lastInbound(Chat chat, String ago) {
        scope.writeVoid(chat.tenant(), () -> {
            try {
                Connection connection = dataSource.getConnection();
                try (PreparedStatement update = connection.prepareStatement("UPDATE conversations SET last_inbound_at "
                        + "= now() - CAST(? AS interval) WHERE tenant_id = ? AND id = ?")) {
                    update.setString(1, ago);
                    update.setObject(2, chat.tenant().value());
                    update.setObject(3, chat.conversationId());
                    update.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The fixture as one line, key order kept: what a JSON writer sends. */
    private String compact(String pretty) throws Exception {
        return json.writeValueAsString(json.readValue(pretty, Argument.of(Object.class)));
    }
}
