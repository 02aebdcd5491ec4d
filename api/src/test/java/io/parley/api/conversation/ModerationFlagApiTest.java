package io.parley.api.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A message's moderation flag (payload.moderation, written by the worker) is typed in the inbox API. */
@MicronautTest(transactional = false)
class ModerationFlagApiTest extends InboxTest {

    @Test
    void aFlaggedMessageCarriesItsFlagAndOthersCarryNone() {
        Session owner = api().signup("Flag Co");
        Channel web = channel(owner.tenantId());
        String conversation = conversation(web, "U1", "Mei", "hello");
        String flagged = inbound(owner.tenantId(), conversation, "I feel hopeless");
        TenantId tenant = tenant(owner.tenantId());
        scope.writeVoid(tenant, () -> messages.mergePayload(tenant.value(), UUID.fromString(flagged),
                "{\"moderation\": {\"direction\": \"input\", \"categories\": [\"self-harm/intent\"], "
                        + "\"action\": \"crisis\"}}"));
        Session stranger = api().signup("Other Co");

        Reply page = api().get("/api/v1/conversations/" + conversation + "/messages", owner.accessToken());
        Reply theirs = api().get("/api/v1/conversations/" + conversation + "/messages", stranger.accessToken());

        List<Map<String, Object>> items = page.items();
        assertThat(items.getFirst()).containsEntry("moderation", Map.of("direction", "input",
                "categories", List.of("self-harm/intent"), "action", "crisis", "unchecked", false));
        assertThat(items.getLast().get("moderation")).isNull();
        assertThat(theirs.status()).isEqualTo(404);
    }
}
