package io.parley.api.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.usage.LlmUsageRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage you can see: a conversation's LLM totals and each bot message's call, unpriced calls never costed 0. */
@MicronautTest(transactional = false)
class ConversationUsageApiTest extends InboxTest {

    @Inject
    LlmUsageRepository llmUsage;

    private void call(Channel channel, String conversation, String model, int in, int out, long cost,
                      boolean unpriced) {
        TenantId tenant = tenant(channel.tenantId());
        scope.writeVoid(tenant, () -> llmUsage.record(tenant.value(), Ids.next(), channel.botId(),
                channel.channelId(), null, UUID.fromString(conversation), "openai-compatible", model, in, out, 900,
                "ok", cost, unpriced));
    }

    @Test
    void totalsSumThePricedCallsAndCountTheUnpricedOnesApart() {
        Session owner = api().signup("Usage Co");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "U1", "Mei", "hello");
        String quiet = conversation(web, "U2", "Kai", "hi");
        call(web, conversation, "gpt-4o-mini", 400, 80, 108, false);
        call(web, conversation, "gpt-4o-mini", 500, 60, 111, false);
        call(web, conversation, "mystery-model", 300, 20, 0, true);
        call(web, quiet, "gpt-4o-mini", 1, 1, 1, false);
        String fresh = conversation(web, "U3", "Lin", "hey");

        Reply totals = api().get("/api/v1/conversations/" + conversation + "/usage", owner.accessToken());
        Reply none = api().get("/api/v1/conversations/" + fresh + "/usage", owner.accessToken());

        assertThat(totals.status()).as(totals.text()).isEqualTo(200);
        assertThat(totals.body()).containsEntry("calls", 3).containsEntry("promptTokens", 1200)
                .containsEntry("completionTokens", 160).containsEntry("costMicros", 219)
                .containsEntry("unpricedCalls", 1).containsEntry("models", List.of("gpt-4o-mini", "mystery-model"));
        assertThat(none.body()).containsEntry("calls", 0).containsEntry("costMicros", 0)
                .containsEntry("models", List.of());
    }

    @Test
    void anotherTenantsConversationIsNotFound() {
        Session owner = api().signup("Usage Owner Co");
        String conversation = conversation(channel(owner.tenantId()), "U1", "Mei", "hello");
        Session stranger = api().signup("Usage Stranger Co");

        Reply theirs = api().get("/api/v1/conversations/" + conversation + "/usage", stranger.accessToken());
        Reply bogus = api().get("/api/v1/conversations/not-an-id/usage", owner.accessToken());

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.contentType()).startsWith("application/problem+json");
        assertThat(bogus.status()).isEqualTo(404);
    }

    @Test
    void aBotMessageCarriesItsCallAndAnUnpricedOneSaysNoPrice() {
        Session owner = api().signup("Message Usage Co");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "U1", "Mei", "hello");
        String priced = botReply(owner.tenantId(), conversation, "Hi!");
        String unpriced = botReply(owner.tenantId(), conversation, "Hello again");
        TenantId tenant = tenant(owner.tenantId());
        scope.writeVoid(tenant, () -> {
            messages.mergePayload(tenant.value(), UUID.fromString(priced), "{\"usage\": {\"model\": \"gpt-4o-mini\", "
                    + "\"promptTokens\": 420, \"completionTokens\": 80, \"latencyMs\": 1200, \"costMicros\": 111, "
                    + "\"unpriced\": false}}");
            messages.mergePayload(tenant.value(), UUID.fromString(unpriced), "{\"usage\": {\"model\": \"mystery\", "
                    + "\"promptTokens\": 10, \"completionTokens\": 5, \"latencyMs\": 300, \"costMicros\": null, "
                    + "\"unpriced\": true}}");
        });

        List<Map<String, Object>> items = api().get("/api/v1/conversations/" + conversation + "/messages",
                owner.accessToken()).items();

        @SuppressWarnings("unchecked")
        Map<String, Object> noPrice = (Map<String, Object>) items.get(0).get("usage");
        assertThat(noPrice).containsEntry("model", "mystery").containsEntry("unpriced", true)
                .containsEntry("costMicros", null);
        assertThat(items.get(1).get("usage")).isEqualTo(Map.of("model", "gpt-4o-mini", "promptTokens", 420,
                "completionTokens", 80, "latencyMs", 1200, "costMicros", 111, "unpriced", false));
        assertThat(items.get(2).get("usage")).isNull();
    }
}
