package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ContactApiTest extends ContactTest {

    @Test
    void listsNewestFirstInPages() {
        Session owner = api().signup("Contact List Co");
        UUID channel = webChannel(owner.tenantId());
        String first = contact(owner.tenantId(), channel, "u1", "First");
        String second = contact(owner.tenantId(), channel, "u2", "Second");
        String third = contact(owner.tenantId(), channel, "u3", "Third");

        Reply page1 = api().get("/api/v1/contacts?limit=2", owner.accessToken());
        Reply page2 = api().get("/api/v1/contacts?limit=2&cursor=" + page1.string("nextCursor"), owner.accessToken());

        assertThat(page1.items()).extracting(c -> c.get("id")).containsExactly(third, second);
        assertThat(page2.items()).extracting(c -> c.get("id")).containsExactly(first);
        assertThat(page2.at("nextCursor")).isNull();
        assertThat(page1.string("items.0.identities.0.externalUserId")).isEqualTo("u3");
    }

    @Test
    void searchMatchesPartsOfNamesInAnyScriptAndExternalIdsIgnoringCase() {
        Session owner = api().signup("Search Co");
        UUID channel = webChannel(owner.tenantId());
        String chen = contact(owner.tenantId(), channel, "U-line-1", "陳小明");
        String wang = contact(owner.tenantId(), channel, "U-line-2", "王小美");
        String alice = contact(owner.tenantId(), channel, "U-line-3", "Alice WONG");
        String noName = contact(owner.tenantId(), channel, "wa-886912345678", null);
        String umlaut = contact(owner.tenantId(), channel, "U-line-4", "Jürgen Ärger");

        assertThat(search(owner, "小明")).containsExactly(chen);
        assertThat(search(owner, "小")).containsExactly(wang, chen);
        assertThat(search(owner, "alice wong")).containsExactly(alice);
        assertThat(search(owner, "Wong")).containsExactly(alice);
        assertThat(search(owner, "886912")).containsExactly(noName);
        assertThat(search(owner, "u-LINE-2")).containsExactly(wang);
        assertThat(search(owner, "jÜrgen äRGER")).containsExactly(umlaut);
        assertThat(search(owner, "nobody")).isEmpty();
    }

    @Test
    void wildcardCharactersInTheSearchAreTakenLiterally() {
        Session owner = api().signup("Wildcard Co");
        UUID channel = webChannel(owner.tenantId());
        String percent = contact(owner.tenantId(), channel, "w1", "50% off");
        contact(owner.tenantId(), channel, "w2", "5000 off");
        String underscore = contact(owner.tenantId(), channel, "w3", "a_b");
        contact(owner.tenantId(), channel, "w4", "axb");
        String backslash = contact(owner.tenantId(), channel, "w5", "back\\slash");

        assertThat(search(owner, "50%")).containsExactly(percent);
        assertThat(search(owner, "%")).containsExactly(percent);
        assertThat(search(owner, "a_b")).containsExactly(underscore);
        assertThat(search(owner, "_")).containsExactly(underscore);
        assertThat(search(owner, "\\")).containsExactly(backslash);
    }

    @Test
    void filtersByTierBlockedAndChannel() {
        Session owner = api().signup("Filter Co");
        UUID web = webChannel(owner.tenantId());
        UUID otherWeb = webChannel(owner.tenantId());
        String premium = contact(owner.tenantId(), web, "p", "Premium");
        String blocked = contact(owner.tenantId(), web, "b", "Blocked");
        String elsewhere = contact(owner.tenantId(), otherWeb, "e", "Elsewhere");
        api().patch("/api/v1/contacts/" + premium, owner.accessToken(), Map.of("tier", "premium"));
        api().patch("/api/v1/contacts/" + blocked, owner.accessToken(), Map.of("blocked", true));

        assertThat(ids(api().get("/api/v1/contacts?tier=premium", owner.accessToken()))).containsExactly(premium);
        assertThat(ids(api().get("/api/v1/contacts?blocked=true", owner.accessToken()))).containsExactly(blocked);
        assertThat(ids(api().get("/api/v1/contacts?blocked=false", owner.accessToken())))
                .containsExactly(elsewhere, premium);
        assertThat(ids(api().get("/api/v1/contacts?channelId=" + otherWeb, owner.accessToken())))
                .containsExactly(elsewhere);
        assertThat(ids(api().get("/api/v1/contacts?channelId=" + web + "&blocked=false&q=prem", owner.accessToken())))
                .containsExactly(premium);
        assertFieldError(api().get("/api/v1/contacts?channelId=not-a-channel", owner.accessToken()), "channelId");
        assertFieldError(api().get("/api/v1/contacts?tier=Not%20A%20Tier", owner.accessToken()), "tier");
    }

    @Test
    void getShowsTheContactWithItsIdentities() {
        Session owner = api().signup("Get Contact Co");
        UUID channel = webChannel(owner.tenantId());
        String id = contact(owner.tenantId(), channel, "U4af4980629", "小明");

        Reply reply = api().get("/api/v1/contacts/" + id, owner.accessToken());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.string("displayName")).isEqualTo("小明");
        assertThat(reply.string("tier")).isEqualTo("free");
        assertThat(reply.at("blocked")).isEqualTo(false);
        assertThat(reply.at("attributes")).isEqualTo(Map.of());
        assertThat(reply.at("personaOverride")).isNull();
        assertThat(reply.at("lastSeenAt")).isNotNull();
        assertThat(reply.at("tags")).isEqualTo(List.of());
        Map<String, Object> identity = new HashMap<>(Map.of("channelId", channel.toString(),
                "channelType", "web", "externalUserId", "U4af4980629",
                "profile", Map.of("pictureUrl", "https://example.com/U4af4980629.png"), "following", true,
                "optedOut", false));
        identity.put("optOutSource", null);
        assertThat(reply.at("identities")).isEqualTo(List.of(identity));
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndMergesAttributes() {
        Session owner = api().signup("Patch Co");
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u", "Mei");
        Reply first = api().patch("/api/v1/contacts/" + id, owner.accessToken(), Map.of(
                "attributes", Map.of("age", 20, "nickname", "Meimei", "hobbies", List.of("chess", "go")),
                "tier", "premium", "personaOverride", "You are Kai, friend of {{contact.displayName}}."));
        Map<String, Object> patch = new HashMap<>();
        patch.put("nickname", null);
        patch.put("hobbies", List.of("hiking"));
        patch.put("vip", true);
        patch.put("neverSet", null);

        Reply second = api().patch("/api/v1/contacts/" + id, owner.accessToken(),
                Map.of("attributes", patch, "displayName", "  梅  "));

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.at("attributes")).isEqualTo(Map.of("age", 20, "hobbies", List.of("hiking"), "vip", true));
        assertThat(second.string("displayName")).isEqualTo("梅");
        assertThat(second.string("tier")).isEqualTo("premium");
        assertThat(second.string("personaOverride")).isEqualTo("You are Kai, friend of {{contact.displayName}}.");

        Reply cleared = api().patch("/api/v1/contacts/" + id, owner.accessToken(),
                Map.of("personaOverride", "", "displayName", "", "attributes", Map.of()));
        assertThat(cleared.at("personaOverride")).isNull();
        assertThat(cleared.at("displayName")).isNull();
        assertThat(cleared.at("attributes")).as("an empty patch changes nothing").isEqualTo(second.at("attributes"));
        assertThat(api().get("/api/v1/contacts/" + id, owner.accessToken()).at("attributes"))
                .isEqualTo(second.at("attributes"));
    }

    @Test
    void patchRejectsAttributesBeyondTheLimitsNamingTheField() {
        Session owner = api().signup("Limits Co");
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u", "Limits");
        Map<String, Object> fifty = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, i);
        }
        assertThat(patchAttributes(owner, id, fifty).status()).as("50 keys are fine").isEqualTo(200);

        assertFieldError(patchAttributes(owner, id, Map.of("oneTooMany", 1)), "attributes");
        assertThat(patchAttributes(owner, id, Map.of("swap", 1)).string("detail")).contains("at most 50 keys");
        assertFieldError(patchAttributes(owner, id, Map.of("has space", 1)), "attributes");
        assertFieldError(patchAttributes(owner, id, Map.of("k" + "x".repeat(64), 1)), "attributes");
        assertFieldError(patchAttributes(owner, id, Map.of("k1", "x".repeat(1001))), "attributes.k1");
        assertFieldError(patchAttributes(owner, id, Map.of("k1", List.of("ok", "x".repeat(1001)))), "attributes.k1");
        assertFieldError(patchAttributes(owner, id, Map.of("k1", Map.of("nested", true))), "attributes.k1");
        assertFieldError(patchAttributes(owner, id, Map.of("k1", List.of(List.of(1)))), "attributes.k1");
        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 17; i++) {
            big.put("k" + i, "字".repeat(1000)); // 3 bytes each in UTF-8: about 51 KB
        }
        Reply tooBig = patchAttributes(owner, id, big);
        assertFieldError(tooBig, "attributes");
        assertThat(tooBig.string("detail")).contains("16384 bytes");
        assertFieldError(api().patch("/api/v1/contacts/" + id, owner.accessToken(), Map.of("attributes", "text")),
                "attributes");
        assertThat(api().get("/api/v1/contacts/" + id, owner.accessToken()).at("attributes")).isEqualTo(fifty);
    }

    @Test
    void patchValidatesTierPersonaAndName() {
        Session owner = api().signup("Validation Co");
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u", "V");

        assertFieldError(api().patch("/api/v1/contacts/" + id, owner.accessToken(), Map.of("tier", "Premium!")), "tier");
        assertFieldError(api().patch("/api/v1/contacts/" + id, owner.accessToken(), Map.of("tier", "x".repeat(41))), "tier");
        assertFieldError(api().patch("/api/v1/contacts/" + id, owner.accessToken(),
                Map.of("personaOverride", "Hi {{contact.password}}")), "personaOverride");
        assertFieldError(api().patch("/api/v1/contacts/" + id, owner.accessToken(),
                Map.of("personaOverride", "Link: {{setupUrl}}")), "personaOverride");
        assertFieldError(api().patch("/api/v1/contacts/" + id, owner.accessToken(),
                Map.of("personaOverride", "x".repeat(16001))), "personaOverride");
        assertFieldError(api().patch("/api/v1/contacts/" + id, owner.accessToken(),
                Map.of("displayName", "x".repeat(201))), "displayName");
        assertThat(api().patch("/api/v1/contacts/" + id, owner.accessToken(),
                Map.of("personaOverride", "x".repeat(16000))).status()).isEqualTo(200);
    }

    @Test
    void agentsEditContactsAndViewersOnlyRead() {
        Session owner = api().signup("Contact Roles Co");
        Teams teams = new Teams(api());
        Session agent = teams.addMember(owner, "agent");
        Session viewer = teams.addMember(owner, "viewer");
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u", "Roles");

        assertThat(api().get("/api/v1/contacts/" + id, viewer.accessToken()).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/contacts", viewer.accessToken()).items()).hasSize(1);
        assertProblem(api().patch("/api/v1/contacts/" + id, viewer.accessToken(), Map.of("tier", "vip")), 403, "forbidden");
        assertProblem(api().post("/api/v1/contacts/" + id + "/setup-link", viewer.accessToken(), Map.of()), 403, "forbidden");

        assertThat(api().patch("/api/v1/contacts/" + id, agent.accessToken(), Map.of("tier", "vip")).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/contacts/" + id + "/setup-link", agent.accessToken(), Map.of()).status())
                .isEqualTo(201);
        assertThat(api().get("/api/v1/contacts/" + id, owner.accessToken()).string("tier")).isEqualTo("vip");
        assertProblem(api().get("/api/v1/contacts", null), 401, "unauthorized");
    }

    @Test
    void changesAreAuditedByFieldNameNeverByValue() {
        Session owner = api().signup("Contact Audit Co");
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u", "Audit");
        api().patch("/api/v1/contacts/" + id, owner.accessToken(), Map.of("attributes",
                Map.of("secretDiary", "I like turtles"), "blocked", true, "tier", "vip"));
        assertThat(api().patch("/api/v1/contacts/" + id, owner.accessToken(), Map.of()).status()).isEqualTo(200);

        Reply log = api().get("/api/v1/audit-log", owner.accessToken());

        assertThat(log.items()).filteredOn(e -> "contact.updated".equals(e.get("action")))
                .as("an empty patch changes nothing and is not audited").hasSize(1);
        Map<String, Object> entry = log.items().get(0);
        assertThat(entry.get("action")).isEqualTo("contact.updated");
        assertThat(entry.get("targetType")).isEqualTo("contact");
        assertThat(entry.get("targetId")).isEqualTo(id);
        assertThat(entry.get("details")).isEqualTo(Map.of("fields", List.of("attributes", "tier", "blocked"),
                "attributeKeys", List.of("secretDiary")));
        assertThat(log.text()).doesNotContain("I like turtles");
    }

    @Test
    void malformedAndUnknownIdsAreNotFound() {
        Session owner = api().signup("Not Found Co");

        assertProblem(api().get("/api/v1/contacts/12345", owner.accessToken()), 404, "not-found");
        assertProblem(api().patch("/api/v1/contacts/%27%20OR%201=1", owner.accessToken(), Map.of()), 404, "not-found");
        assertProblem(api().post("/api/v1/contacts/" + UUID.randomUUID() + "/setup-link", owner.accessToken(), Map.of()),
                404, "not-found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentsContactsAndThePublicSetupApiWithoutAuth() {
        Map<String, Object> spec = new Yaml().load(api().get("/openapi/parley-api.yml", null).text());
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) spec.get("paths");
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) spec.get("components")).get("schemas");

        assertThat(paths).containsKeys("/api/v1/contacts", "/api/v1/contacts/{contactId}",
                "/api/v1/contacts/{contactId}/setup-link", "/api/v1/public/setup/{token}");
        assertThat(paths.get("/api/v1/public/setup/{token}").values())
                .allSatisfy(operation -> assertThat(operation.get("security")).isEqualTo(List.of()));
        assertThat(paths.get("/api/v1/contacts/{contactId}").get("patch")).doesNotContainKey("security");
        assertThat(schemas).containsKeys("Contact", "ContactIdentity", "ContactPatch", "SetupLink", "SetupPage",
                "SetupSubmission").doesNotContainKey("JsonNode");
        Map<String, Object> attributes = (Map<String, Object>)
                ((Map<String, Object>) schemas.get("ContactPatch").get("properties")).get("attributes");
        assertThat(attributes).containsEntry("type", List.of("null", "object")).containsKey("example"); // OpenAPI 3.1
    }

    private Reply patchAttributes(Session owner, String id, Map<String, Object> attributes) {
        return api().patch("/api/v1/contacts/" + id, owner.accessToken(), Map.of("attributes", attributes));
    }

    private List<Object> search(Session owner, String q) {
        Reply reply = api().get("/api/v1/contacts?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), owner.accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return ids(reply);
    }

    private static List<Object> ids(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.items().stream().map(c -> c.get("id")).toList();
    }
}
