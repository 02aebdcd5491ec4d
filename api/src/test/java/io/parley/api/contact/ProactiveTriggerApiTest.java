package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proactive triggers through the API: flows with the new trigger types (strictly validated), the runs that contact
 * creation and the setup page record, the setup page's honest promise, and tenant isolation of the runs list.
 */
@MicronautTest(transactional = false)
class ProactiveTriggerApiTest extends ContactTest {

    private static final List<Map<String, Object>> HELLO = List.of(Map.of("type", "text", "text", "Hello!"));

    @Test
    void eachProactiveTriggerIsStoredAndReadBack() {
        Session owner = api().signup("Proactive Co");
        String bot = botOf(owner, channel(owner.tenantId(), "line"));
        String segment = api().post("/api/v1/segments", owner.accessToken(), Map.of("name", "VIP",
                "definition", Map.of("tags", Map.of("any", List.of("vip"))))).string("id");

        for (Map<String, Object> trigger : List.<Map<String, Object>>of(
                Map.of("type", "setup_submitted"), Map.of("type", "contact_created"),
                Map.of("type", "inactive", "after", 3, "unit", "days"),
                Map.of("type", "schedule", "cron", "0 9 * * 1", "segmentId", segment),
                Map.of("type", "schedule", "at", "2026-12-24T09:00"))) {
            Reply created = flow(owner, bot, trigger);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            assertThat(created.at("trigger")).isEqualTo(trigger);
        }
    }

    @Test
    void invalidProactiveTriggersAreRefusedFieldByField() {
        Session owner = api().signup("Proactive Checks Co");
        String bot = botOf(owner, channel(owner.tenantId(), "line"));
        Session other = api().signup("Proactive Other Co");
        String othersSegment = api().post("/api/v1/segments", other.accessToken(), Map.of("name", "Theirs",
                "definition", Map.of())).string("id");

        assertFieldError(flow(owner, bot, Map.of("type", "inactive", "after", 3)), "trigger.unit");
        assertFieldError(flow(owner, bot, Map.of("type", "inactive", "after", 0, "unit", "days")), "trigger.after");
        assertFieldError(flow(owner, bot, Map.of("type", "inactive", "after", 366, "unit", "days")), "trigger.after");
        assertFieldError(flow(owner, bot, Map.of("type", "schedule", "cron", "0 9 * * *", "at", "2026-12-24T09:00")),
                "trigger.cron");
        assertFieldError(flow(owner, bot, Map.of("type", "schedule", "cron", "0 0 9 * * *")), "trigger.cron");
        assertFieldError(flow(owner, bot, Map.of("type", "schedule", "at", "tomorrow")), "trigger.at");
        assertFieldError(flow(owner, bot, Map.of("type", "schedule", "cron", "0 9 * * *", "segmentId",
                othersSegment)), "trigger.segmentId");
        assertFieldError(flow(owner, bot, Map.of("type", "setup_submitted", "keywords", List.of("x"))),
                "trigger.keywords");
    }

    @Test
    void aContactCreatedThroughTheApiRecordsOneQueuedRunOfEachContactCreatedFlow() {
        Session owner = api().signup("Welcome Co");
        UUID whatsapp = channel(owner.tenantId(), "whatsapp");
        String bot = botOf(owner, whatsapp);
        String flow = flow(owner, bot, Map.of("type", "contact_created")).string("id");
        String ignored = flow(owner, bot, Map.of("type", "setup_submitted")).string("id");

        Reply contact = api().post("/api/v1/contacts", owner.accessToken(), Map.of("channelId", whatsapp.toString(),
                "externalUserId", "+886912345678"));

        Reply runs = api().get(runs(bot, flow), owner.accessToken());
        assertThat(runs.status()).as(runs.text()).isEqualTo(200);
        assertThat(runs.items()).singleElement().satisfies(run -> {
            assertThat(run).containsEntry("contactId", contact.string("id")).containsEntry("status", "queued")
                    .containsEntry("triggerType", "contact_created").containsEntry("occurrence", "once")
                    .containsEntry("channelId", whatsapp.toString());
        });
        assertThat(api().get(runs(bot, ignored), owner.accessToken()).items()).isEmpty();
    }

    @Test
    void theSetupPagePromisesAMessageOnlyWhenAFlowWillSendOneAndSubmittingItQueuesTheRun() {
        Session owner = api().signup("Companion Co");
        UUID line = channel(owner.tenantId(), "line");
        String bot = botOf(owner, line);
        String id = contact(owner.tenantId(), line, "U1", "Mei");
        String token = api().post("/api/v1/contacts/" + id + "/setup-link", owner.accessToken(), null)
                .string("token");

        assertThat(api().get("/api/v1/public/setup/" + token, null).at("messageAfterSubmit")).isEqualTo(false);

        String flow = flow(owner, bot, Map.of("type", "setup_submitted")).string("id");
        Reply page = api().get("/api/v1/public/setup/" + token, null);
        Reply saved = api().post("/api/v1/public/setup/" + token, null, Map.of("attributes",
                Map.of("nickname", "Kai")));
        Reply again = api().post("/api/v1/public/setup/" + token, null, Map.of("attributes",
                Map.of("nickname", "Ren")));

        assertThat(page.at("messageAfterSubmit")).isEqualTo(true);
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.at("messageAfterSubmit")).isEqualTo(true);
        assertThat(again.at("messageAfterSubmit")).as("the first message was written already").isEqualTo(false);
        assertThat(api().get("/api/v1/public/setup/" + token, null).at("messageAfterSubmit")).isEqualTo(false);
        assertThat(api().get(runs(bot, flow), owner.accessToken()).items()).singleElement()
                .satisfies(run -> assertThat(run).containsEntry("contactId", id).containsEntry("status", "queued"));
    }

    @Test
    void anotherTenantsFlowRunsAreNotFound() {
        Session a = api().signup("Runs A");
        String botA = botOf(a, channel(a.tenantId(), "line"));
        Session b = api().signup("Runs B");
        String botB = botOf(b, channel(b.tenantId(), "line"));
        String flowB = flow(b, botB, Map.of("type", "contact_created")).string("id");
        String keyA = api().post("/api/v1/api-keys", a.accessToken(), Map.of("name", "k", "role", "viewer"))
                .string("key");

        for (String credential : new String[]{a.accessToken(), keyA}) {
            assertProblem(api().get(runs(botB, flowB), credential), 404, "not-found");
            assertProblem(api().get(runs(botA, flowB), credential), 404, "not-found");
            assertProblem(api().get(runs(botA, "nope"), credential), 404, "not-found");
        }
        assertThat(api().get(runs(botB, flowB), b.accessToken()).status()).isEqualTo(200);
    }

    private Reply flow(Session owner, String bot, Map<String, Object> trigger) {
        return api().post("/api/v1/bots/" + bot + "/flows", owner.accessToken(), Map.of("name", "Proactive",
                "trigger", trigger, "steps", HELLO));
    }

    /** The bot of a channel made by {@link #channel}. */
    private String botOf(Session owner, UUID channel) {
        return api().get("/api/v1/bots", owner.accessToken()).items().getFirst().get("id").toString();
    }

    private static String runs(String bot, String flow) {
        return "/api/v1/bots/" + bot + "/flows/" + flow + "/runs";
    }
}
