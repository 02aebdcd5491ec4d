package io.parley.worker.trigger;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.ChannelType;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.flow.FlowRepository;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.Ids;
import io.parley.core.trigger.ProactiveTriggers;
import io.parley.core.trigger.TriggerJobs;
import io.parley.core.trigger.TriggerRunRepository;
import io.parley.core.trigger.TriggerRunView;
import io.parley.worker.outbound.OutboundTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A proactive message through the trigger.run job and the outbound.send job to the fake WhatsApp Cloud API: outside
 * the 24-hour window WhatsApp refuses it (131047), and the run shows that reason as its delivery.
 */
@MicronautTest(transactional = false)
class ProactiveDeliveryTest extends OutboundTest {

    @Inject
    ProactiveTriggers triggers;
    @Inject
    TriggerRunRepository runs;
    @Inject
    FlowRepository flows;
    @Inject
    ConversationRepository conversationRows;

    @Test
    void aWelcomeOutsideTheWhatsAppWindowIsRecordedWithTheProvidersReason() throws Exception {
        String phoneNumberId = String.valueOf(100_000_000_000L + (UUID.randomUUID().getMostSignificantBits()
                & 0xFFFFFFFL));
        Chat chat = chat(ChannelType.WHATSAPP, Map.of("phoneNumberId", phoneNumberId, "accessToken",
                "EAAG" + UUID.randomUUID().toString().replace("-", ""), "appSecret", "app-secret",
                "verifyToken", "verify"), "886912345678");
        UUID flow = Ids.next();
        UUID contact = scope.read(chat.tenant(), () -> conversationRows.find(chat.tenant().value(),
                chat.conversationId()).orElseThrow().contactId());
        scope.writeVoid(chat.tenant(), () -> flows.insert(chat.tenant().value(), flow, chat.channel().botId(),
                "Welcome", true, 0, "contact_created", "{}", "[{\"type\": \"text\", \"text\": \"Welcome!\"}]", null));
        scope.write(chat.tenant(), () -> triggers.contactsCreated(chat.tenant(), List.of(contact)));
        TriggerRunView queued = page(chat, flow).getFirst();
        fake.scriptFixture("/" + phoneNumberId + "/messages", 400, "whatsapp-error-131047.json");

        handler(TriggerJobs.RUN).run(new Job(9_000_001L, chat.tenant(), TriggerJobs.RUN,
                "{\"runId\":\"" + queued.id() + "\"}", 1, 10));
        UUID sent = page(chat, flow).getFirst().messageId();
        assertThatThrownBy(() -> send(chat, List.of(sent))).isInstanceOf(JobDiscard.class);

        TriggerRunView run = page(chat, flow).getFirst();
        assertThat(run.status()).isEqualTo("sent");
        assertThat(run.deliveryStatus()).isEqualTo("failed");
        assertThat(run.deliveryDetail()).contains("131047");
        assertThat(fake.requests("/" + phoneNumberId + "/messages").getLast().json())
                .containsEntry("to", "886912345678").doesNotContainKey("context");
    }

    private List<TriggerRunView> page(Chat chat, UUID flow) {
        return scope.read(chat.tenant(), () -> runs.page(chat.tenant().value(), flow, new UUID(-1L, -1L), 10));
    }

    private JobHandler handler(String kind) {
        return context.getBeansOfType(JobHandler.class).stream().filter(h -> h.kind().equals(kind)).findFirst()
                .orElseThrow();
    }
}
