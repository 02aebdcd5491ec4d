package io.parley.api.template;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/bots/{botId}/templates against a local fake of Meta's message_templates endpoints. */
@MicronautTest(transactional = false)
class TemplateApiTest extends ApiTest {

    static final String WABA = "102290129340398";

    private final FakeGraphTemplates graph = FakeGraphTemplates.start();

    @Override
    protected Map<String, String> extraProperties() {
        return graph.properties();
    }

    @AfterAll
    void stopFake() {
        graph.close();
    }

    record Shop(Session owner, String botId, String channelId) {
        String templates() {
            return "/api/v1/bots/" + botId + "/templates";
        }
    }

    private Shop shop(String name, boolean withBusinessAccount) {
        Session owner = api().signup(name);
        String botId = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Lumi")).string("id");
        Map<String, String> credentials = new HashMap<>(Map.of("phoneNumberId", digits(),
                "accessToken", FakeGraphTemplates.TOKEN, "appSecret", "0123456789abcdef0123456789abcdef"));
        if (withBusinessAccount) {
            credentials.put("businessAccountId", WABA);
        }
        Reply channel = api().post("/api/v1/bots/" + botId + "/channels", owner.accessToken(),
                Map.of("type", "whatsapp", "credentials", credentials));
        assertThat(channel.status()).as(channel.text()).isEqualTo(201);
        return new Shop(owner, botId, channel.string("id"));
    }

    private Shop synced(String name) {
        Shop shop = shop(name, true);
        Reply sync = api().post(shop.templates() + "/sync", shop.owner().accessToken(), Map.of());
        assertThat(sync.status()).as(sync.text()).isEqualTo(200);
        return shop;
    }

    private static String digits() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
    }

    private Map<String, Object> template(Reply list, String name) {
        return list.items().stream().filter(item -> name.equals(item.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void aSyncReadsEveryPageOfTheBusinessAccountsTemplates() {
        Shop shop = shop("Sync Co", true);
        int before = graph.requests("GET").size();

        Reply sync = api().post(shop.templates() + "/sync", shop.owner().accessToken(), Map.of());

        assertThat(sync.status()).as(sync.text()).isEqualTo(200);
        assertThat(sync.at("synced")).isEqualTo(3);
        assertThat(sync.at("channelIds")).isEqualTo(List.of(shop.channelId()));
        List<FakeGraphTemplates.Request> pages = graph.requests("GET").subList(before, graph.requests("GET").size());
        assertThat(pages).hasSize(2);
        assertThat(pages.getFirst().path()).isEqualTo("/whatsapp/v23.0/" + WABA + "/message_templates");
        assertThat(pages.getFirst().query()).contains("fields=" + TemplateGraph.FIELDS).doesNotContain("after=");
        assertThat(pages.get(1).query()).contains("after=QVFIUkFAKEAFTER1");
        Reply list = api().get(shop.templates(), shop.owner().accessToken());
        assertThat(list.items()).extracting(item -> item.get("name"))
                .containsExactly("conversation_resume_v1", "order_update", "spring_sale");
        assertThat(template(list, "spring_sale")).containsEntry("status", "REJECTED")
                .containsEntry("rejectionReason", "PROMOTIONAL").containsEntry("category", "MARKETING");
        assertThat(template(list, "order_update")).containsEntry("language", "zh_TW").containsEntry("status", "PENDING")
                .containsEntry("rejectionReason", null).containsEntry("metaId", "1402956613853653");
        assertThat(template(list, "conversation_resume_v1").get("components")).asList().hasSize(2);
    }

    @Test
    void aSyncRemovesTemplatesMetaNoLongerLists() {
        Shop shop = synced("Tidy Co");
        Reply created = api().post(shop.templates(), shop.owner().accessToken(), validTemplate("gone_at_meta"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        Reply sync = api().post(shop.templates() + "/sync", shop.owner().accessToken(), Map.of());

        assertThat(sync.at("removed")).isEqualTo(1);
        assertThat(api().get(shop.templates(), shop.owner().accessToken()).items()).extracting(item -> item.get("name"))
                .doesNotContain("gone_at_meta");
    }

    @Test
    void aChannelWithoutItsBusinessAccountIdCannotSyncAndSaysWhatToAdd() {
        Shop shop = shop("No Waba Co", false);

        Reply sync = api().post(shop.templates() + "/sync", shop.owner().accessToken(), Map.of());

        assertThat(sync.status()).isEqualTo(409);
        assertThat(sync.contentType()).startsWith("application/problem+json");
        assertThat(sync.string("detail")).contains("businessAccountId");
        Reply patched = api().patch("/api/v1/bots/" + shop.botId() + "/channels/" + shop.channelId(),
                shop.owner().accessToken(), Map.of("credentials", Map.of("businessAccountId", WABA)));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(api().post(shop.templates() + "/sync", shop.owner().accessToken(), Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void theBusinessAccountIdMustBeDigits() {
        Shop shop = shop("Typo Co", false);

        Reply patched = api().patch("/api/v1/bots/" + shop.botId() + "/channels/" + shop.channelId(),
                shop.owner().accessToken(), Map.of("credentials", Map.of("businessAccountId", "waba-1")));

        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.at("errors.0.field")).isEqualTo("credentials.businessAccountId");
    }

    @Test
    void aWhatsAppNumbersOwnMessagesPerSecondIsAWholeNumberFrom1To1000() {
        Shop shop = shop("Throughput Co", false);
        String channel = "/api/v1/bots/" + shop.botId() + "/channels/" + shop.channelId();

        Reply tooFast = api().patch(channel, shop.owner().accessToken(),
                Map.of("credentials", Map.of("messagesPerSecond", "2000")));
        Reply upgraded = api().patch(channel, shop.owner().accessToken(),
                Map.of("credentials", Map.of("messagesPerSecond", "1000")));

        assertThat(tooFast.status()).isEqualTo(400);
        assertThat(tooFast.at("errors.0.field")).isEqualTo("credentials.messagesPerSecond");
        assertThat(upgraded.status()).as(upgraded.text()).isEqualTo(200);
    }

    @Test
    void aNewTemplateIsSubmittedToMetaAndStoredPending() {
        Shop shop = shop("Submit Co", true);
        int before = graph.requests("POST").size();

        Reply created = api().post(shop.templates(), shop.owner().accessToken(), validTemplate("order_shipped"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("status")).isEqualTo("PENDING");
        assertThat(created.string("metaId")).isEqualTo("1402956613853699");
        assertThat(created.string("channelId")).isEqualTo(shop.channelId());
        FakeGraphTemplates.Request submitted = graph.requests("POST").get(before);
        assertThat(submitted.path()).isEqualTo("/whatsapp/v23.0/" + WABA + "/message_templates");
        assertThat(json(submitted.body())).isEqualTo(json("""
                {"name":"order_shipped","language":"en_US","category":"UTILITY","components":[
                 {"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":["#1234"]}},
                 {"type":"BODY","text":"Hi {{1}}, your order ships on {{2}}.","example":{"body_text":[["Mei","Friday"]]}},
                 {"type":"FOOTER","text":"Lumi Shop"},
                 {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Thanks"},
                   {"type":"URL","text":"Track it","url":"https://shop.example.com/track/{{1}}","example":["1234"]}]}]}"""));
        assertThat(api().get(shop.templates() + "/" + created.string("id"), shop.owner().accessToken())
                .string("name")).isEqualTo("order_shipped");
    }

    @Test
    void invalidComponentsAreRefusedNamingEachFieldBeforeAnythingGoesToMeta() {
        Shop shop = shop("Careless Co", true);
        int before = graph.requests("POST").size();
        Map<String, Object> template = Map.of("name", "Bad Name", "language", "english", "category", "AUTHENTICATION",
                "components", List.of(
                        Map.of("type", "HEADER", "format", "IMAGE"),
                        Map.of("type", "BODY", "text", "Hi {{1}}, see {{3}}"),
                        Map.of("type", "FOOTER", "text", "Reply {{1}}"),
                        Map.of("type", "BUTTONS", "buttons", List.of(
                                Map.of("type", "URL", "text", "One", "url", "http://a.example/"),
                                Map.of("type", "PHONE_NUMBER", "text", "Call us now, any time of the day"),
                                Map.of("type", "URL", "text", "Two", "url", "https://b.example/{{1}}")))));

        Reply refused = api().post(shop.templates(), shop.owner().accessToken(), template);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactlyInAnyOrder("name", "language", "category",
                "components[0].example.headerHandle", "components[1].text", "components[2].text",
                "components[3].buttons[0].url", "components[3].buttons[1].text",
                "components[3].buttons[1].phoneNumber", "components[3].buttons[2].example");
        assertThat(graph.requests("POST")).hasSize(before);
    }

    @Test
    void aTemplateNeedsABodyAndExamplesForItsVariables() {
        Shop shop = shop("Forgetful Co", true);
        Reply noBody = api().post(shop.templates(), shop.owner().accessToken(), Map.of("name", "x",
                "language", "en", "category", "UTILITY", "components", List.of(Map.of("type", "FOOTER", "text", "x"))));
        Reply noExample = api().post(shop.templates(), shop.owner().accessToken(), Map.of("name", "x",
                "language", "en", "category", "UTILITY", "components", List.of(Map.of("type", "BODY",
                        "text", "Hello {{1}}"))));

        assertThat(fields(noBody)).containsExactly("components");
        assertThat(fields(noExample)).containsExactly("components[0].example.bodyText");
        assertThat(noExample.string("detail")).contains("one sample value per variable (1)");
    }

    @Test
    void metaRefusingASubmissionIsAConflictWithMetasReason() {
        Shop shop = shop("Refused Co", true);
        graph.answerCreate(400, """
                {"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":2388024,\
                "error_user_msg":"Content in this language already exists","fbtrace_id":"AFakeTraceId0000000003"}}""");

        Reply refused = api().post(shop.templates(), shop.owner().accessToken(), validTemplate("duplicate"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.string("detail")).contains("code 100").contains("Content in this language already exists");
        assertThat(api().get(shop.templates(), shop.owner().accessToken()).items()).isEmpty();
    }

    @Test
    void deletingATemplateDeletesThatLanguageAtMetaAndHere() {
        Shop shop = synced("Delete Co");
        Map<String, Object> order = template(api().get(shop.templates(), shop.owner().accessToken()), "order_update");

        Reply deleted = api().delete(shop.templates() + "/" + order.get("id"), shop.owner().accessToken());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(graph.requests("DELETE").getLast().query())
                .isEqualTo("name=order_update&hsm_id=1402956613853653");
        assertThat(api().get(shop.templates() + "/" + order.get("id"), shop.owner().accessToken()).status())
                .isEqualTo(404);
    }

    @Test
    void anotherTenantsBotsTemplatesAndChannelsAre404() {
        Shop mine = synced("Mine Co");
        Shop theirs = shop("Theirs Co", true);
        String myTemplate = (String) api().get(mine.templates(), mine.owner().accessToken()).items().getFirst()
                .get("id");
        String other = theirs.owner().accessToken();

        assertThat(api().get(mine.templates(), other).status()).isEqualTo(404);
        assertThat(api().post(mine.templates() + "/sync", other, Map.of()).status()).isEqualTo(404);
        assertThat(api().get(theirs.templates() + "/" + myTemplate, other).status()).isEqualTo(404);
        assertThat(api().delete(theirs.templates() + "/" + myTemplate, other).status()).isEqualTo(404);
        assertThat(api().post(theirs.templates() + "/sync", other, Map.of("channelId", mine.channelId())).status())
                .isEqualTo(404);
        assertThat(api().send("PUT", theirs.templates() + "/window-fallbacks/" + mine.channelId(), other,
                fallback("conversation_resume_v1", List.of("x")), Map.of()).status()).isEqualTo(404);
        assertThat(api().get(mine.templates() + "/window-fallbacks/" + mine.channelId(), other).status())
                .isEqualTo(404);
    }

    @Test
    void membersReadTemplatesButOnlyAdminsChangeThem() {
        Shop shop = synced("Roles Co");
        Teams teams = new Teams(api());
        String templateId = (String) api().get(shop.templates(), shop.owner().accessToken()).items().getFirst()
                .get("id");
        for (String role : List.of("agent", "viewer")) {
            String token = teams.addMember(shop.owner(), role).accessToken();
            assertThat(api().get(shop.templates(), token).items()).hasSize(3);
            assertThat(api().post(shop.templates() + "/sync", token, Map.of()).status()).isEqualTo(403);
            assertThat(api().post(shop.templates(), token, validTemplate("by_" + role)).status()).isEqualTo(403);
            assertThat(api().delete(shop.templates() + "/" + templateId, token).status()).isEqualTo(403);
            assertThat(api().send("PUT", shop.templates() + "/window-fallbacks/" + shop.channelId(), token,
                    fallback("conversation_resume_v1", List.of("{{contact.displayName}}")), Map.of()).status())
                    .isEqualTo(403);
        }
        String admin = teams.addMember(shop.owner(), "admin").accessToken();
        assertThat(api().post(shop.templates() + "/sync", admin, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theWindowFallbackNamesATemplateOfTheChannelWithAValuePerBodyVariable() {
        Shop shop = synced("Fallback Co");
        String path = shop.templates() + "/window-fallbacks/" + shop.channelId();
        String token = shop.owner().accessToken();
        assertThat(api().get(path, token).status()).isEqualTo(404);

        Reply unknownPlaceholder = api().send("PUT", path, token, fallback("conversation_resume_v1",
                List.of("{{contact.nickname}}")), Map.of());
        Reply wrongCount = api().send("PUT", path, token, fallback("conversation_resume_v1",
                List.of("{{contact.displayName}}", "{{message.text}}")), Map.of());
        Reply notATemplate = api().send("PUT", path, token, fallback("no_such_template", List.of()), Map.of());
        Reply saved = api().send("PUT", path, token, fallback("conversation_resume_v1",
                List.of("{{contact.displayName}}")), Map.of());

        assertThat(fields(unknownPlaceholder)).containsExactly("bodyVariables[0]");
        assertThat(fields(wrongCount)).containsExactly("bodyVariables");
        assertThat(fields(notATemplate)).containsExactly("templateName");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(api().get(path, token).at("bodyVariables")).isEqualTo(List.of("{{contact.displayName}}"));
        assertThat(api().delete(path, token).status()).isEqualTo(204);
        assertThat(api().get(path, token).status()).isEqualTo(404);
    }

    private static Map<String, Object> fallback(String name, List<String> variables) {
        return Map.of("templateName", name, "language", "en_US", "bodyVariables", variables);
    }

    private static Map<String, Object> validTemplate(String name) {
        return Map.of("name", name, "language", "en_US", "category", "UTILITY", "components", List.of(
                Map.of("type", "HEADER", "format", "TEXT", "text", "Order {{1}}",
                        "example", Map.of("headerText", List.of("#1234"))),
                Map.of("type", "BODY", "text", "Hi {{1}}, your order ships on {{2}}.",
                        "example", Map.of("bodyText", List.of(List.of("Mei", "Friday")))),
                Map.of("type", "FOOTER", "text", "Lumi Shop"),
                Map.of("type", "BUTTONS", "buttons", List.of(Map.of("type", "QUICK_REPLY", "text", "Thanks"),
                        Map.of("type", "URL", "text", "Track it", "url", "https://shop.example.com/track/{{1}}",
                                "example", List.of("1234"))))));
    }

    private static List<Object> fields(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        return ((List<?>) reply.at("errors")).stream().map(error -> ((Map<?, ?>) error).get("field")).map(f -> (Object) f)
                .toList();
    }

    private Object json(String text) {
        try {
            return json.readValue(text, Object.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
