package io.parley.api.bot;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A bot's memory object (long memory, docs/llm.md): summaries off by default, merged member by member. */
@MicronautTest(transactional = false)
class BotMemoryApiTest extends ApiTest {

    @Test
    void aNewBotKeepsNoSummary() {
        Session owner = api().signup("Memory Plain Co");

        Reply created = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Plain"));

        assertThat(created.at("memory.summary")).isEqualTo(false);
        assertThat(created.at("memory.summaryModel")).isNull();
    }

    @Test
    void summariesAreTurnedOnWithTheirModelAndAPatchMergesMemberByMember() {
        Session owner = api().signup("Memory Co");
        Reply created = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Mei",
                "memory", Map.of("summary", true, "summaryModel", "gpt-4o-mini")));
        String id = created.string("id");
        Map<String, Object> noModel = new HashMap<>();
        noModel.put("summaryModel", null);

        Reply renamed = api().patch("/api/v1/bots/" + id, owner.accessToken(), Map.of("name", "Mei 2"));
        Reply ownModel = api().patch("/api/v1/bots/" + id, owner.accessToken(), Map.of("memory", noModel));
        Map<String, Object> off = new HashMap<>();
        off.put("memory", null);
        Reply reset = api().patch("/api/v1/bots/" + id, owner.accessToken(), off);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.at("memory")).isEqualTo(Map.of("summary", true, "summaryModel", "gpt-4o-mini"));
        assertThat(renamed.at("memory.summaryModel")).isEqualTo("gpt-4o-mini");
        assertThat(ownModel.at("memory.summary")).isEqualTo(true);
        assertThat(ownModel.at("memory.summaryModel")).isNull();
        assertThat(reset.at("memory.summary")).isEqualTo(false);
    }

    @Test
    void anUnknownMemberOrABadModelNameIsRefused() {
        Session owner = api().signup("Memory Strict Co");
        String id = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Strict")).string("id");

        Reply unknown = api().patch("/api/v1/bots/" + id, owner.accessToken(),
                Map.of("memory", Map.of("facts", true)));
        Reply model = api().patch("/api/v1/bots/" + id, owner.accessToken(),
                Map.of("memory", Map.of("summaryModel", "gpt 4o; drop table")));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(model.status()).isEqualTo(400);
        assertThat(model.string("errors.0.field")).isEqualTo("memory.summaryModel");
        assertThat(api().get("/api/v1/bots/" + id, owner.accessToken()).at("memory.summaryModel")).isNull();
    }
}
