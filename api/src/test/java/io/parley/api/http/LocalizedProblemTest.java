package io.parley.api.http;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Problems speak the client's language (Accept-Language); what clients branch on never changes. */
@MicronautTest(transactional = false)
class LocalizedProblemTest extends ApiTest {

    private static final Map<String, Object> BAD_SIGNUP =
            Map.of("email", "not-an-email", "password", "short", "tenantName", "Acme");

    @Test
    void aValidationProblemIsInTraditionalChineseForATaiwaneseClient() {
        Reply reply = api().send("POST", "/api/v1/auth/signup", null, BAD_SIGNUP,
                Map.of("Accept-Language", "en;q=0.5, zh-TW;q=0.9"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Language")).isEqualTo("zh-Hant");
        assertThat(reply.header("Vary")).contains("Accept-Language");
        assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/validation-failed");
        assertThat(reply.string("title")).isEqualTo("驗證失敗");
        assertThat(reply.string("errors.0.field")).isEqualTo("email");
        assertThat(reply.string("errors.0.message")).isEqualTo("必須是格式正確的電子郵件地址");
        assertThat(reply.string("errors.1.field")).isEqualTo("password");
        assertThat(reply.string("errors.1.message")).isEqualTo("必須是 10 到 72 個字元");
        assertThat(reply.string("detail")).isEqualTo("email: 必須是格式正確的電子郵件地址; password: 必須是 10 到 72 個字元");
    }

    @Test
    void aPlanLimitIsInTraditionalChinese() {
        Session owner = api().signup("Plan Co");
        assertThat(api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "first")).status()).isEqualTo(201);

        Reply second = api().send("POST", "/api/v1/bots", owner.accessToken(), Map.of("name", "second"),
                Map.of("Accept-Language", "zh-Hant"));

        assertThat(second.status()).isEqualTo(402);
        assertThat(second.string("type")).isEqualTo("https://parley.dev/problems/plan-limit-reached");
        assertThat(second.string("title")).isEqualTo("已達方案上限");
        assertThat(second.string("detail")).isEqualTo("Free 方案最多可有 1 個機器人；請升級方案以新增更多。");
        assertThat(second.string("errors.0.field")).isEqualTo("plan.maxBots");
        assertThat(second.string("errors.0.message")).isEqualTo("已達 Free 方案的上限 1");
    }

    @Test
    void aSecurityRejectionAndAMissingResourceAreTranslatedToo() {
        Session owner = api().signup("Lang Co");
        Reply anonymous = api().send("GET", "/api/v1/me", null, null, Map.of("Accept-Language", "zh-HK"));
        Reply missing = api().send("GET", "/api/v1/bots/0193a0e4-1111-7000-8000-000000000000", owner.accessToken(),
                null, Map.of("Accept-Language", "zh-TW"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.string("title")).isEqualTo("需要登入驗證");
        assertThat(anonymous.string("type")).isEqualTo("https://parley.dev/problems/unauthorized");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.string("detail")).isEqualTo("找不到機器人");
    }

    @Test
    void anUnknownPropertyIsNamedInTraditionalChinese() {
        Session owner = api().signup("Strict Co");
        Reply reply = api().send("POST", "/api/v1/bots", owner.accessToken(),
                Map.of("name", "Lumi", "limits", Map.of("perMinute", 5)), Map.of("Accept-Language", "zh-TW"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isEqualTo("limits.perMinute");
        assertThat(reply.string("errors.0.message")).isEqualTo("未知的屬性");
        assertThat(reply.string("detail")).startsWith("未知的屬性：limits.perMinute。");
    }

    @Test
    void anUnknownLanguageGetsEnglish() {
        Reply reply = api().send("POST", "/api/v1/auth/signup", null, BAD_SIGNUP, Map.of("Accept-Language", "fr, de;q=0.8"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Language")).isEqualTo("en");
        assertThat(reply.string("title")).isEqualTo("Validation failed");
        assertThat(reply.string("errors.0.message")).isEqualTo("must be a well-formed email address");
    }
}
