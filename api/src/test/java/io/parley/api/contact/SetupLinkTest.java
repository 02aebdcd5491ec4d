package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.core.contact.SetupLinkSigner;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Setup links and the public setup API. One trusted proxy hop, so each test speaks from its own client IP
 * (X-Forwarded-For) and the low per-IP limit only bites where a test means it to.
 */
@MicronautTest(transactional = false)
class SetupLinkTest extends ContactTest {

    private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

    @Inject
    SetupLinkSigner signer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.rate-limits.setup-per-ip-per-minute", "5",
                "parley.http.trusted-proxy-hops", "1",
                "parley.public-url", "https://parley.example.com/");
    }

    @Test
    void contactFillsInTheSetupPageThroughTheLink() {
        Session owner = api().signup("Setup Co");
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u", "小明");
        api().patch("/api/v1/contacts/" + id, owner.accessToken(), Map.of("attributes", Map.of("zodiac", "leo",
                "favorability", 40)));
        configure(owner, Map.of("fields", List.of(Map.of("key", "zodiac"), Map.of("key", "characterName"),
                Map.of("key", "hobbies")), "allowPersonaOverride", true));
        String ip = nextIp();

        Reply link = api().post("/api/v1/contacts/" + id + "/setup-link", owner.accessToken(), null);
        String token = link.string("token");
        Reply page = publicGet(token, ip);
        Reply saved = publicPost(token, ip, Map.of(
                "attributes", Map.of("characterName", "Kai", "hobbies", List.of("chess", "hiking")),
                "personaOverride", "You are Kai, {{contact.displayName}}'s calm mentor."));

        assertThat(link.status()).as(link.text()).isEqualTo(201);
        assertThat(token).startsWith("pst_");
        assertThat(link.string("url")).isEqualTo("https://parley.example.com/setup/" + token);
        assertThat(Instant.parse(link.string("expiresAt")))
                .isCloseTo(Instant.now().plus(Duration.ofDays(1)), within(Duration.ofMinutes(1)));
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.body()).containsOnlyKeys("contact", "attributes", "personaOverride", "expiresAt", "fields",
                "allowPersonaOverride", "personaLabel", "doneText", "messageAfterSubmit", "memory", "accessCodeAsked",
                "accessCodeRedeemed");
        assertThat(page.at("contact")).isEqualTo(Map.of("displayName", "小明"));
        assertThat(page.at("attributes")).as("only the page's fields, not favorability")
                .isEqualTo(Map.of("zodiac", "leo"));
        assertThat(page.at("personaOverride")).isNull();
        assertThat(page.string("expiresAt")).isEqualTo(link.string("expiresAt"));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.at("attributes")).isEqualTo(Map.of("zodiac", "leo", "characterName", "Kai",
                "hobbies", List.of("chess", "hiking")));

        Reply contact = api().get("/api/v1/contacts/" + id, owner.accessToken());
        assertThat(contact.at("attributes")).isEqualTo(Map.of("zodiac", "leo", "favorability", 40,
                "characterName", "Kai", "hobbies", List.of("chess", "hiking")));
        assertThat(contact.string("personaOverride")).isEqualTo("You are Kai, {{contact.displayName}}'s calm mentor.");
    }

    @Test
    void linksLastTheRequestedTimeWithinBounds() {
        Session owner = api().signup("Setup Expiry Co");
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u", "E");

        Reply shortLink = api().post("/api/v1/contacts/" + id + "/setup-link", owner.accessToken(),
                Map.of("expiresInMinutes", 5));

        assertThat(Instant.parse(shortLink.string("expiresAt")))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(5)), within(Duration.ofSeconds(30)));
        assertFieldError(api().post("/api/v1/contacts/" + id + "/setup-link", owner.accessToken(),
                Map.of("expiresInMinutes", 4)), "expiresInMinutes");
        assertFieldError(api().post("/api/v1/contacts/" + id + "/setup-link", owner.accessToken(),
                Map.of("expiresInMinutes", 10081)), "expiresInMinutes");
    }

    @Test
    void alteredOrUnknownTokensAreInvalid() {
        Linked linked = linkedContact("Setup Tamper Co", "T");
        Session owner = linked.owner();
        String id = linked.contactId();
        String token = linked.token();
        String ip = nextIp();
        int dot = token.indexOf('.');
        String alteredPayload = token.substring(0, 8) + flip(token.charAt(8)) + token.substring(9);
        String alteredMac = token.substring(0, dot + 1) + flip(token.charAt(dot + 1)) + token.substring(dot + 2);

        for (String bad : List.of(alteredPayload, alteredMac, token.substring(0, dot), "pst_nonsense.x")) {
            Reply reply = publicGet(bad, ip);
            assertProblem(reply, 401, "invalid-token");
            assertThat(reply.string("detail")).contains("not valid");
        }
        assertProblem(publicPost(alteredMac, ip, Map.of("personaOverride", "hacked")), 401, "invalid-token");
        assertThat(api().get("/api/v1/contacts/" + id, owner.accessToken()).at("personaOverride")).isNull();
    }

    @Test
    void expiredLinksSaySo() {
        Session owner = api().signup("Setup Expired Co");
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u", "X");
        String expired = signer.sign(tenant(owner.tenantId()), UUID.fromString(id), Instant.now().minusSeconds(1));
        String ip = nextIp();

        Reply viewed = publicGet(expired, ip);
        Reply submitted = publicPost(expired, ip, Map.of("personaOverride", "late"));

        assertProblem(viewed, 401, "invalid-token");
        assertThat(viewed.string("detail")).contains("expired");
        assertProblem(submitted, 401, "invalid-token");
        assertThat(api().get("/api/v1/contacts/" + id, owner.accessToken()).at("personaOverride")).isNull();
    }

    @Test
    void blockedContactsCannotUseTheirLink() {
        Linked linked = linkedContact("Setup Blocked Co", "B");
        Session owner = linked.owner();
        String id = linked.contactId();
        String token = linked.token();
        api().patch("/api/v1/contacts/" + id, owner.accessToken(), Map.of("blocked", true));
        String ip = nextIp();

        assertProblem(publicGet(token, ip), 403, "forbidden");
        assertProblem(publicPost(token, ip, Map.of("personaOverride", "x")), 403, "forbidden");
        assertProblem(api().post("/api/v1/contacts/" + id + "/setup-link", owner.accessToken(), Map.of()),
                409, "conflict");
    }

    @Test
    void submissionsFollowTheSameRulesAsPatch() {
        Linked linked = linkedContact("Setup Rules Co", "R");
        configure(linked.owner(), Map.of("fields", List.of(Map.of("key", "a"), Map.of("key", "b"),
                Map.of("key", "k")), "allowPersonaOverride", true));
        String token = linked.token();
        String ip = nextIp();
        publicPost(token, ip, Map.of("attributes", Map.of("a", 1, "b", 2)));

        Reply removed = publicPost(token, ip, Map.of("attributes", Collections.singletonMap("a", null)));

        assertThat(removed.at("attributes")).isEqualTo(Map.of("b", 2));
        assertFieldError(publicPost(token, ip, Map.of("attributes", Map.of("k", "x".repeat(1001)))), "attributes.k");
        assertFieldError(publicPost(token, ip, Map.of("personaOverride", "{{contact.secret}}")), "personaOverride");
    }

    @Test
    void setupRequestsAreLimitedPerClientAddress() {
        String token = linkedContact("Setup Limit Co", "L").token();
        String ip = nextIp();
        for (int i = 0; i < 5; i++) {
            assertThat(publicGet(i % 2 == 0 ? token : "pst_guess" + i, ip).status()).isIn(200, 401);
        }

        Reply limited = publicGet(token, ip);

        assertProblem(limited, 429, "rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(publicGet(token, nextIp()).status()).as("another address").isEqualTo(200);
    }

    @Test
    void linkCreationAndSubmissionAreAuditedWithoutTheToken() {
        Session owner = api().signup("Setup Audit Co");
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u", "A");
        configure(owner, Map.of("fields", List.of(Map.of("key", "mood")), "allowPersonaOverride", true));
        String token = api().post("/api/v1/contacts/" + id + "/setup-link", owner.accessToken(),
                Map.of("expiresInMinutes", 60)).string("token");
        String ip = nextIp();
        publicPost(token, ip, Map.of("attributes", Map.of("mood", "sunny"), "personaOverride", "Be kind."));

        Reply log = api().get("/api/v1/audit-log?limit=2", owner.accessToken());

        assertThat(log.items()).extracting(e -> e.get("action"))
                .containsExactly("contact.setup_submitted", "contact.setup_link_created");
        Map<String, Object> submitted = log.items().get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> actor = (Map<String, Object>) submitted.get("actor");
        assertThat(actor).containsEntry("type", "system").containsEntry("label", "setup page")
                .containsEntry("id", null);
        assertThat(submitted.get("targetId")).isEqualTo(id);
        assertThat(submitted.get("ip")).isEqualTo(ip);
        assertThat(submitted.get("details")).isEqualTo(Map.of("fields", List.of("attributes", "personaOverride"),
                "attributeKeys", List.of("mood")));
        Map<String, Object> created = log.items().get(1);
        assertThat(created.get("targetId")).isEqualTo(id);
        @SuppressWarnings("unchecked")
        Map<String, Object> createdDetails = (Map<String, Object>) created.get("details");
        assertThat(createdDetails).containsOnlyKeys("expiresAt", "expiresInMinutes").containsEntry("expiresInMinutes", 60);
        assertThat(Instant.parse(createdDetails.get("expiresAt").toString()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration.ofMinutes(1)));
        assertThat(log.text()).doesNotContain(token).doesNotContain(token.substring(token.indexOf('.') + 1))
                .doesNotContain("sunny").doesNotContain("Be kind.");
    }

    @Test
    void publicEndpointsNeedNoCredentialAndIgnoreABadOne() {
        String token = linkedContact("Setup Anonymous Co", "N").token();
        String ip = nextIp();

        assertThat(publicGet(token, ip).status()).isEqualTo(200);
        assertThat(api().send("GET", "/api/v1/public/setup/" + token, "not-a-valid-jwt", null,
                Map.of("X-Forwarded-For", ip)).status()).isEqualTo(200);
    }

    /** Replaces the setup-page settings of the tenant's only bot (the one its web channel belongs to). */
    private void configure(Session owner, Map<String, Object> settings) {
        String bot = api().get("/api/v1/bots", owner.accessToken()).items().getFirst().get("id").toString();
        Reply put = api().send("PUT", "/api/v1/bots/" + bot + "/setup-page", owner.accessToken(), settings, Map.of());
        assertThat(put.status()).as(put.text()).isEqualTo(200);
    }

    /** A new tenant with one contact and a fresh setup link for it. */
    private Linked linkedContact(String tenantName, String displayName) {
        Session owner = api().signup(tenantName);
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u", displayName);
        Reply link = api().post("/api/v1/contacts/" + id + "/setup-link", owner.accessToken(), Map.of());
        assertThat(link.status()).as(link.text()).isEqualTo(201);
        return new Linked(owner, id, link.string("token"));
    }

    private record Linked(Session owner, String contactId, String token) {
    }

    private Reply publicGet(String token, String ip) {
        return api().send("GET", "/api/v1/public/setup/" + token, null, null, Map.of("X-Forwarded-For", ip));
    }

    private Reply publicPost(String token, String ip, Object body) {
        return api().send("POST", "/api/v1/public/setup/" + token, null, body, Map.of("X-Forwarded-For", ip));
    }

    private static String nextIp() {
        int n = NEXT_IP.getAndIncrement();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static char flip(char c) {
        return c == 'A' ? 'B' : 'A';
    }
}
