package io.parley.api.flow;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class FlowCrudTest extends ApiTest {

    @Test
    void createdFlowIsReturnedWithDefaultsAndReadBack() {
        Session owner = api().signup("Flow Cafe");
        String bot = bot(owner);

        Reply created = api().post(flows(bot), owner.accessToken(), Map.of("name", "Opening hours",
                "trigger", Map.of("type", "keyword", "keywords", List.of("hours", "營業時間")),
                "steps", List.of(Map.of("type", "text", "text", "We are open 10:00-18:00, {{contact.displayName}}."),
                        Map.of("type", "buttons", "text", "Anything else?", "style", "quick_replies",
                                "buttons", List.of(Map.of("label", "Menu", "postback", "menu"))))));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("botId")).isEqualTo(bot);
        assertThat(created.at("enabled")).isEqualTo(true);
        assertThat(created.at("priority")).isEqualTo(0);
        assertThat(created.at("trigger")).isEqualTo(Map.of("type", "keyword", "keywords", List.of("hours", "營業時間"),
                "match", "exact"));
        assertThat(created.at("steps.1")).isEqualTo(Map.of("type", "buttons", "text", "Anything else?",
                "style", "quick_replies", "buttons", List.of(Map.of("label", "Menu", "postback", "menu"))));
        Reply read = api().get(flows(bot) + "/" + created.string("id"), owner.accessToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void listIsInMatchOrderPriorityFirstThenOldest() {
        Session owner = api().signup("Order Co");
        String bot = bot(owner);
        String low = create(owner, bot, "low", -5, Map.of("type", "fallback"));
        String first = create(owner, bot, "first ten", 10, Map.of("type", "follow"));
        String second = create(owner, bot, "second ten", 10, Map.of("type", "postback", "data", "x"));
        String zero = create(owner, bot, "zero", 0, Map.of("type", "regex", "pattern", "^hi"));

        Reply list = api().get(flows(bot), owner.accessToken());

        assertThat(list.items()).extracting(f -> f.get("id")).containsExactly(first, second, zero, low);
        assertThat(list.at("nextCursor")).isNull();
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndReplacesStepsWhole() {
        Session owner = api().signup("Patch Co");
        String bot = bot(owner);
        String id = create(owner, bot, "greet", 1, Map.of("type", "keyword", "keywords", List.of("hi")));

        Reply patched = api().patch(flows(bot) + "/" + id, owner.accessToken(), Map.of("enabled", false,
                "steps", List.of(Map.of("type", "handoff"))));

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.at("enabled")).isEqualTo(false);
        assertThat(patched.string("name")).isEqualTo("greet");
        assertThat(patched.at("priority")).isEqualTo(1);
        assertThat(patched.at("trigger.keywords")).isEqualTo(List.of("hi"));
        assertThat(patched.at("steps")).isEqualTo(List.of(Map.of("type", "handoff")));
        Reply retriggered = api().patch(flows(bot) + "/" + id, owner.accessToken(),
                Map.of("trigger", Map.of("type", "regex", "pattern", "^(hi|hello)$")));
        assertThat(retriggered.at("trigger")).isEqualTo(Map.of("type", "regex", "pattern", "^(hi|hello)$"));
    }

    @Test
    void deletedFlowIsGone() {
        Session owner = api().signup("Delete Flow Co");
        String bot = bot(owner);
        String id = create(owner, bot, "bye", 0, Map.of("type", "follow"));

        assertThat(api().delete(flows(bot) + "/" + id, owner.accessToken()).status()).isEqualTo(204);

        assertThat(api().get(flows(bot) + "/" + id, owner.accessToken()).status()).isEqualTo(404);
        assertThat(api().delete(flows(bot) + "/" + id, owner.accessToken()).status()).isEqualTo(404);
        assertThat(api().get(flows(bot), owner.accessToken()).items()).isEmpty();
    }

    @Test
    void deletingTheBotDeletesItsFlows() throws Exception {
        Session owner = api().signup("Cascade Co");
        String bot = bot(owner);
        create(owner, bot, "one", 0, Map.of("type", "follow"));
        create(owner, bot, "two", 0, Map.of("type", "fallback"));

        assertThat(api().delete("/api/v1/bots/" + bot, owner.accessToken()).status()).isEqualTo(204);

        assertThat(api().get(flows(bot), owner.accessToken()).status()).isEqualTo(404);
        assertThat(rawFlowCount(bot)).isZero();
    }

    @Test
    void agentsAndViewersReadAndDryRunButCannotWrite() {
        Session owner = api().signup("Roles Flow Co");
        String bot = bot(owner);
        String id = create(owner, bot, "hi", 0, Map.of("type", "keyword", "keywords", List.of("hi")));
        Session agent = new Teams(api()).addMember(owner, "agent");
        String viewerKey = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "ro", "role", "viewer"))
                .string("key");

        for (String credential : new String[]{agent.accessToken(), viewerKey}) {
            assertThat(api().get(flows(bot), credential).items()).hasSize(1);
            assertThat(api().get(flows(bot) + "/" + id, credential).status()).isEqualTo(200);
            Reply dryRun = api().post(flows(bot) + "/dry-run", credential, Map.of("text", "hi"));
            assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
            assertThat(dryRun.string("matched.id")).isEqualTo(id);
            assertForbidden(api().post(flows(bot), credential, Map.of("name", "x",
                    "trigger", Map.of("type", "follow"), "steps", List.of(Map.of("type", "text", "text", "x")))));
            assertForbidden(api().patch(flows(bot) + "/" + id, credential, Map.of("enabled", false)));
            assertForbidden(api().delete(flows(bot) + "/" + id, credential));
        }
        assertThat(api().get(flows(bot) + "/" + id, owner.accessToken()).at("enabled")).isEqualTo(true);
    }

    @Test
    void everyChangeIsAuditedWithoutContent() {
        Session owner = api().signup("Audit Flow Co");
        String bot = bot(owner);
        String id = create(owner, bot, "Secret menu", 0, Map.of("type", "keyword", "keywords", List.of("psst")));
        api().patch(flows(bot) + "/" + id, owner.accessToken(), Map.of("priority", 3, "steps",
                List.of(Map.of("type", "text", "text", "changed"))));
        api().delete(flows(bot) + "/" + id, owner.accessToken());

        List<Map<String, Object>> entries = api().get("/api/v1/audit-log?limit=3", owner.accessToken()).items();

        assertThat(entries).extracting(e -> e.get("action"))
                .containsExactly("flow.deleted", "flow.updated", "flow.created");
        assertThat(entries).extracting(e -> e.get("targetId")).containsOnly(id);
        assertThat(entries.get(2).get("details")).isEqualTo(Map.of("botId", bot, "name", "Secret menu",
                "triggerType", "keyword"));
        assertThat(entries.get(1).get("details")).isEqualTo(Map.of("botId", bot, "fields", List.of("priority", "steps")));
        assertThat(entries.get(0).get("details")).isEqualTo(Map.of("botId", bot, "name", "Secret menu"));
        @SuppressWarnings("unchecked")
        Map<String, Object> actor = (Map<String, Object>) entries.get(0).get("actor");
        assertThat(actor).containsEntry("type", "user").containsEntry("id", owner.userId());
    }

    @Test
    void aBotHoldsAtMost200Flows() throws Exception {
        Session owner = api().signup("Many Flows Co");
        String bot = bot(owner);
        insertRawFlows(owner.tenantId(), bot, 200);

        Reply refused = api().post(flows(bot), owner.accessToken(), Map.of("name", "one too many",
                "trigger", Map.of("type", "follow"), "steps", List.of(Map.of("type", "text", "text", "x"))));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.string("detail")).contains("at most 200 flows");
        assertThat(api().get(flows(bot), owner.accessToken()).items()).hasSize(200);
    }

    private String bot(Session owner) {
        return new FlowApi(api()).bot(owner, Map.of());
    }

    private String create(Session owner, String bot, String name, int priority, Map<String, Object> trigger) {
        return new FlowApi(api()).create(owner, bot, name, priority, trigger,
                List.of(Map.of("type", "text", "text", name)));
    }

    private static String flows(String bot) {
        return FlowApi.flows(bot);
    }

    private static void assertForbidden(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private static long rawFlowCount(String bot) throws Exception {
        try (Connection connection = superuser();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM flows WHERE bot_id = ?::uuid")) {
            statement.setString(1, bot);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Fills a bot up quickly, as the superuser (200 API calls would only slow the suite). */
    private static void insertRawFlows(String tenant, String bot, int count) throws Exception {
        try (Connection connection = superuser();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO flows (tenant_id, id, bot_id, name, trigger_type, steps)
                     SELECT ?::uuid, gen_random_uuid(), ?::uuid, 'bulk ' || n, 'follow', '[{"type":"text","text":"x"}]'
                     FROM generate_series(1, ?) AS n""")) {
            statement.setString(1, tenant);
            statement.setString(2, bot);
            statement.setInt(3, count);
            statement.executeUpdate();
        }
    }

    private static Connection superuser() throws java.sql.SQLException {
        var database = TestDatabase.shared();
        return DriverManager.getConnection(database.database().jdbcUrl(), database.superuser().username(),
                database.superuser().password());
    }
}
