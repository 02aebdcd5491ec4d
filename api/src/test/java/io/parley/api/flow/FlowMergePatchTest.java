package io.parley.api.flow;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PATCH of a flow is a JSON Merge Patch: the trigger merges while its type stays; required members stay. */
@MicronautTest(transactional = false)
class FlowMergePatchTest extends ApiTest {

    @Test
    void aTriggerMemberSentAloneMergesIntoTheStoredTrigger() {
        Session owner = api().signup("Flow Merge Co");
        FlowApi flows = new FlowApi(api());
        String bot = flows.bot(owner, Map.of());
        String id = flows.create(owner, bot, "Hours", 0,
                Map.of("type", "keyword", "keywords", List.of("hours"), "match", "contains"),
                List.of(Map.of("type", "text", "text", "10-18")));

        Reply reply = api().patch(FlowApi.flows(bot) + "/" + id, owner.accessToken(),
                Map.of("trigger", Map.of("keywords", List.of("hours", "營業時間"))));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.string("trigger.type")).isEqualTo("keyword");
        assertThat(reply.string("trigger.match")).as("absent: kept").isEqualTo("contains");
        assertThat(reply.at("trigger.keywords")).isEqualTo(List.of("hours", "營業時間"));
    }

    @Test
    void requiredMembersCannotBeRemoved() {
        Session owner = api().signup("Flow Null Co");
        FlowApi flows = new FlowApi(api());
        String bot = flows.bot(owner, Map.of());
        String id = flows.create(owner, bot, "Hours", 0, Map.of("type", "follow"),
                List.of(Map.of("type", "text", "text", "Hi")));
        Map<String, Object> patch = new HashMap<>();
        patch.put("steps", null);

        Reply reply = api().patch(FlowApi.flows(bot) + "/" + id, owner.accessToken(), patch);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isEqualTo("steps");
    }
}
