package io.parley.api.accesscode;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Access-code batches through the API: generation (JSON and CSV), lists, look-up, revocation, rules and roles. */
@MicronautTest(transactional = false)
class AccessCodeApiTest extends ApiTest {

    static String codes(String bot) {
        return "/api/v1/bots/" + bot + "/access-codes";
    }

    private String bot(Session owner) {
        Reply bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Tutor"));
        assertThat(bot.status()).as(bot.text()).isEqualTo(201);
        return bot.string("id");
    }

    @Test
    void aBatchIsGeneratedListedLookedUpAndRevoked() {
        Session owner = api().signup("Codes School");
        String bot = bot(owner);
        Reply created = api().post(codes(bot) + "/batches", owner.accessToken(), Map.of("name", "Class 3B",
                "count", 3, "maxUses", 2, "expiresAt", "2099-01-01T00:00:00Z",
                "grants", Map.of("tier", "student", "attributes", Map.of("school", "North High"))));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) created.at("codes");
        assertThat(texts).hasSize(3).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}"));
        String batch = created.string("batch.id");
        assertThat(created.at("batch.count")).isEqualTo(3);
        assertThat(created.at("batch.maxUses")).isEqualTo(2);
        assertThat(created.string("batch.grants.tier")).isEqualTo("student");
        assertThat(created.string("batch.grants.attributes.school")).isEqualTo("North High");

        Reply list = api().get(codes(bot) + "/batches", owner.accessToken());
        assertThat(list.items()).singleElement().satisfies(b -> assertThat(b.get("id")).isEqualTo(batch));
        assertThat(list.text()).as("listed batches never show codes").doesNotContain(texts.get(0));
        Reply batchCodes = api().get(codes(bot) + "/batches/" + batch + "/codes", owner.accessToken());
        assertThat(batchCodes.items()).hasSize(3).allSatisfy(c -> assertThat(c.get("status")).isEqualTo("active"));
        assertThat(batchCodes.text()).doesNotContain(texts.get(0));

        Reply found = api().post(codes(bot) + "/lookup", owner.accessToken(),
                Map.of("code", texts.get(1).toLowerCase().replace("-", " ")));
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.string("batchId")).isEqualTo(batch);
        assertThat(api().delete(codes(bot) + "/" + found.string("id"), owner.accessToken()).status()).isEqualTo(204);
        assertThat(api().post(codes(bot) + "/lookup", owner.accessToken(), Map.of("code", texts.get(1)))
                .string("status")).isEqualTo("revoked");
        assertThat(api().get(codes(bot) + "/batches/" + batch, owner.accessToken()).at("revokedCodes")).isEqualTo(1);

        assertThat(api().delete(codes(bot) + "/batches/" + batch, owner.accessToken()).status()).isEqualTo(204);
        Reply revoked = api().get(codes(bot) + "/batches/" + batch, owner.accessToken());
        assertThat(revoked.at("revokedAt")).isNotNull();
        assertThat(revoked.at("revokedCodes")).isEqualTo(3);
        assertThat(api().post(codes(bot) + "/lookup", owner.accessToken(), Map.of("code", "AAAA-BBBB-CCCC"))
                .status()).isEqualTo(404);

        Reply audit = api().get("/api/v1/audit-log?limit=3", owner.accessToken());
        assertThat(audit.items()).extracting(e -> e.get("action"))
                .containsExactly("access_codes.revoked", "access_code.revoked", "access_codes.generated");
        assertThat(audit.text()).as("codes never reach the audit log").doesNotContain(texts.get(0))
                .doesNotContain(texts.get(1)).doesNotContain(texts.get(2));
    }

    @Test
    void theCsvDownloadHoldsTheNewCodes() {
        Session owner = api().signup("Codes CSV School");
        String bot = bot(owner);

        Reply csv = api().send("POST", codes(bot) + "/batches/csv", owner.accessToken(),
                Map.of("name", "=HYPERLINK(\"x\")", "count", 2), Map.of("Accept", "text/csv"));

        assertThat(csv.status()).as(csv.text()).isEqualTo(201);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"access-codes-");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("code,batch,maxUses,expiresAt");
        assertThat(lines[1]).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4},\"'=HYPERLINK\\(\"\"x\"\"\\)\",1,");
        String batch = csv.header("Location").replaceAll(".*/", "");
        assertThat(api().get(codes(bot) + "/batches/" + batch + "/codes", owner.accessToken()).items()).hasSize(2);
    }

    @Test
    void invalidBatchesAreRefusedWithTheFieldNamed() {
        Session owner = api().signup("Codes Rules School");
        String bot = bot(owner);

        assertField(api().post(codes(bot) + "/batches", owner.accessToken(), Map.of("name", "x", "count", 0)),
                "count");
        assertField(api().post(codes(bot) + "/batches", owner.accessToken(), Map.of("name", "x", "count", 1001)),
                "count");
        assertField(api().post(codes(bot) + "/batches", owner.accessToken(), Map.of("name", "x", "count", 1,
                "expiresAt", Instant.now().minusSeconds(5).toString())), "expiresAt");
        assertField(api().post(codes(bot) + "/batches", owner.accessToken(), Map.of("name", "x", "count", 1,
                "grants", Map.of("attributes", Map.of("bad key!", "1")))), "grants.attributes");
        assertField(api().post(codes(bot) + "/batches", owner.accessToken(), Map.of("name", "x", "count", 1,
                "grants", Map.of("tier", "Gold Tier"))), "grants.tier");
        Reply unknown = api().post(codes(bot) + "/batches", owner.accessToken(), Map.of("name", "x", "count", 1,
                "maxUse", 3));
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(400);
        Reply zh = api().send("POST", codes(bot) + "/batches", owner.accessToken(), Map.of("name", "x", "count", 1,
                "expiresAt", "2001-01-01T00:00:00Z"), Map.of("Accept-Language", "zh-Hant"));
        assertThat(zh.text()).contains("必須是未來的時間");
        assertThat(api().get(codes(bot) + "/batches", owner.accessToken()).items()).isEmpty();
    }

    @Test
    void agentsAndViewersReadButCannotGenerateOrRevoke() {
        Session owner = api().signup("Codes Roles School");
        String bot = bot(owner);
        Reply created = api().post(codes(bot) + "/batches", owner.accessToken(), Map.of("name", "x", "count", 1));
        String batch = created.string("batch.id");
        String code = created.string("codes.0");
        Session agent = new Teams(api()).addMember(owner, "agent");
        String viewerKey = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "ro", "role", "viewer"))
                .string("key");

        for (String credential : new String[]{agent.accessToken(), viewerKey}) {
            assertThat(api().get(codes(bot) + "/batches", credential).items()).hasSize(1);
            assertThat(api().get(codes(bot) + "/batches/" + batch + "/codes", credential).items()).hasSize(1);
            String id = api().post(codes(bot) + "/lookup", credential, Map.of("code", code)).string("id");
            assertForbidden(api().post(codes(bot) + "/batches", credential, Map.of("name", "x", "count", 1)));
            assertForbidden(api().post(codes(bot) + "/batches/csv", credential, Map.of("name", "x", "count", 1)));
            assertForbidden(api().delete(codes(bot) + "/batches/" + batch, credential));
            assertForbidden(api().delete(codes(bot) + "/" + id, credential));
        }
        assertThat(api().get(codes(bot) + "/batches/" + batch, owner.accessToken()).at("revokedCodes")).isEqualTo(0);
    }

    @Test
    void anotherTenantsBotBatchAndCodeAreNotFoundOnEveryEndpoint() {
        Session ownerA = api().signup("Codes Tenant A");
        String keyA = api().post("/api/v1/api-keys", ownerA.accessToken(), Map.of("name", "a", "role", "admin"))
                .string("key");
        String botA = bot(ownerA);
        Session ownerB = api().signup("Codes Tenant B");
        String botB = bot(ownerB);
        Reply createdB = api().post(codes(botB) + "/batches", ownerB.accessToken(), Map.of("name", "B", "count", 1));
        String batchB = createdB.string("batch.id");
        String codeB = createdB.string("codes.0");
        String codeIdB = api().post(codes(botB) + "/lookup", ownerB.accessToken(), Map.of("code", codeB)).string("id");

        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            Map<String, Object> batch = Map.of("name", "x", "count", 1);
            assertNotFound(api().post(codes(botB) + "/batches", credential, batch));
            assertNotFound(api().post(codes(botB) + "/batches/csv", credential, batch));
            assertNotFound(api().get(codes(botB) + "/batches", credential));
            assertNotFound(api().get(codes(botB) + "/batches/" + batchB, credential));
            assertNotFound(api().get(codes(botB) + "/batches/" + batchB + "/codes", credential));
            assertNotFound(api().post(codes(botB) + "/lookup", credential, Map.of("code", codeB)));
            assertNotFound(api().delete(codes(botB) + "/batches/" + batchB, credential));
            assertNotFound(api().delete(codes(botB) + "/" + codeIdB, credential));
            // B's ids under A's own bot
            assertNotFound(api().get(codes(botA) + "/batches/" + batchB, credential));
            assertNotFound(api().get(codes(botA) + "/batches/" + batchB + "/codes", credential));
            assertNotFound(api().post(codes(botA) + "/lookup", credential, Map.of("code", codeB)));
            assertNotFound(api().delete(codes(botA) + "/batches/" + batchB, credential));
            assertNotFound(api().delete(codes(botA) + "/" + codeIdB, credential));
        }
        Reply untouched = api().get(codes(botB) + "/batches/" + batchB, ownerB.accessToken());
        assertThat(untouched.at("revokedCodes")).isEqualTo(0);
        assertThat(api().get(codes(botB) + "/batches", ownerB.accessToken()).items()).hasSize(1);
    }

    private static void assertField(Reply reply, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text()).contains(field);
    }

    private static void assertForbidden(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private static void assertNotFound(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
