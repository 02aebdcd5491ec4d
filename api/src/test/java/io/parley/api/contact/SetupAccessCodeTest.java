package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Chats;
import io.parley.api.testing.Chats.Chat;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An access code typed on the setup page: POST /api/v1/public/setup/{token}/access-code. */
@MicronautTest(transactional = false)
class SetupAccessCodeTest extends ApiTest {

    private static final Map<String, Object> STUDENTS_ONLY = Map.of("name", "Students only",
            "trigger", Map.of("type", "gate", "until", Map.of("field", "contact.accessCode", "op", "exists")),
            "steps", List.of(Map.of("type", "text", "text", "Enter your code on {{setupUrl}}")));

    @Inject
    Chats chats;

    private static String page(String token) {
        return "/api/v1/public/setup/" + token;
    }

    private String token(Session owner, Chat chat) {
        return api().post("/api/v1/contacts/" + chat.contact() + "/setup-link", owner.accessToken(), Map.of())
                .string("token");
    }

    /** Two single-use codes of a batch granting the tier "student"; the bot's flows ask for a code when gated. */
    private List<String> codes(Session owner, Chat chat, boolean gated) {
        if (gated) {
            Reply flow = api().post("/api/v1/bots/" + chat.bot() + "/flows", owner.accessToken(), STUDENTS_ONLY);
            assertThat(flow.status()).as(flow.text()).isEqualTo(201);
        }
        Reply batch = api().post("/api/v1/bots/" + chat.bot() + "/access-codes/batches", owner.accessToken(),
                Map.of("name", "Class 3B", "count", 2, "grants", Map.of("tier", "student")));
        assertThat(batch.status()).as(batch.text()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) batch.at("codes");
        return codes;
    }

    private Reply redeem(String token, String code, String ip, String language) {
        return api().send("POST", page(token) + "/access-code", null, Map.of("code", code),
                Map.of("X-Forwarded-For", ip, "Accept-Language", language));
    }

    @Test
    void aGatedContactRedeemsACodeOnThePageAndGetsItsGrantsAndAnAuditEntryWithoutTheCode() {
        Session owner = api().signup("Setup Code Co");
        Chat chat = chats.chat(owner);
        String code = codes(owner, chat, true).getFirst();
        String token = token(owner, chat);
        Reply before = api().send("GET", page(token), null, null, Map.of("X-Forwarded-For", "198.19.8.1"));
        assertThat(before.at("accessCodeAsked")).as(before.text()).isEqualTo(true);
        assertThat(before.at("accessCodeRedeemed")).isEqualTo(false);

        Reply redeemed = redeem(token, code.toLowerCase().replace("-", " "), "198.19.8.1", "en");

        assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(200);
        assertThat(redeemed.at("accessCodeRedeemed")).isEqualTo(true);
        assertThat(api().get("/api/v1/contacts/" + chat.contact(), owner.accessToken()).string("tier"))
                .isEqualTo("student");
        Map<String, Object> entry = api().get("/api/v1/audit-log", owner.accessToken()).items().stream()
                .filter(e -> "contact.access_code_redeemed".equals(e.get("action"))).findFirst().orElseThrow();
        assertThat(entry.get("targetId")).isEqualTo(chat.contact());
        assertThat(entry.toString()).contains("Class 3B").doesNotContain(code).doesNotContain(code.replace("-", ""));
        assertThat(redeem(token, code, "198.19.8.1", "en").status()).as("sent again: in again").isEqualTo(200);
    }

    @Test
    void aWrongOrUsedCodeIsALocalizedProblemOnTheCodeField() {
        Session owner = api().signup("Setup Wrong Code Co");
        Chat mei = chats.chat(owner);
        Chat kai = chats.another(owner, mei, "web-2");
        String code = codes(owner, mei, true).getFirst();
        assertThat(redeem(token(owner, mei), code, "198.19.8.2", "en").status()).isEqualTo(200);

        Reply used = redeem(token(owner, kai), code, "198.19.8.2", "en");
        Reply wrong = redeem(token(owner, kai), "AAAA-BBBB-CCCC", "198.19.8.2", "zh-Hant");

        assertThat(used.status()).as(used.text()).isEqualTo(400);
        assertThat(used.contentType()).startsWith("application/problem+json");
        assertThat(used.string("errors.0.field")).isEqualTo("code");
        assertThat(used.string("errors.0.message")).contains("unknown, used up, expired or revoked");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.string("errors.0.message")).contains("此代碼無法使用");
        assertThat(api().get("/api/v1/contacts/" + kai.contact(), owner.accessToken()).string("tier"))
                .isNotEqualTo("student");
    }

    @Test
    void afterFiveWrongCodesEvenARightOneIsRefusedWithTooManyRequests() {
        Session owner = api().signup("Setup Locked Code Co");
        Chat chat = chats.chat(owner);
        String code = codes(owner, chat, true).getFirst();
        String token = token(owner, chat);
        for (int i = 0; i < 5; i++) {
            assertThat(redeem(token, "AAAA-BBBB-CCC" + (char) ('A' + i), "198.19.8.3", "en").status()).isEqualTo(400);
        }

        Reply locked = redeem(token, code, "198.19.8.3", "en");

        assertThat(locked.status()).as(locked.text()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotBlank();
        assertThat(locked.string("detail")).isEqualTo("Too many wrong codes. Please try again later.");
        assertThat(api().get("/api/v1/contacts/" + chat.contact(), owner.accessToken()).string("tier"))
                .isNotEqualTo("student");
    }

    @Test
    void aBotThatAsksForNoCodeOffersNoneAndRefusesOne() {
        Session owner = api().signup("Setup No Code Co");
        Chat chat = chats.chat(owner);
        String code = codes(owner, chat, false).getFirst();
        String token = token(owner, chat);

        Reply page = api().send("GET", page(token), null, null, Map.of("X-Forwarded-For", "198.19.8.4"));
        Reply refused = redeem(token, code, "198.19.8.4", "en");

        assertThat(page.at("accessCodeAsked")).as(page.text()).isEqualTo(false);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("errors.0.message")).isEqualTo("This bot does not ask for an access code.");
        assertThat(api().get("/api/v1/contacts/" + chat.contact(), owner.accessToken()).string("tier"))
                .isNotEqualTo("student");
    }

    @Test
    void anAlteredTokenIsRefusedAndAnUnknownMemberTooAndTheCodeIsNotUsed() {
        Session owner = api().signup("Setup Code Token Co");
        Chat chat = chats.chat(owner);
        String code = codes(owner, chat, true).getFirst();
        String token = token(owner, chat);

        Reply altered = redeem(token.substring(0, token.length() - 2) + "xx", code, "198.19.8.5", "en");
        Reply unknown = api().send("POST", page(token) + "/access-code", null, Map.of("code", code, "tier", "vip"),
                Map.of("X-Forwarded-For", "198.19.8.5"));

        assertThat(altered.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(redeem(token, code, "198.19.8.5", "en").at("accessCodeRedeemed")).isEqualTo(true);
    }
}
