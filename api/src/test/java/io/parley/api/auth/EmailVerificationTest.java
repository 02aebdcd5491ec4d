package io.parley.api.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.TestInbox.Mail;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up mails a verification link (in the account's language) received by a real SMTP server; the link's token
 * works once and expires; until then invitations, billing changes and API keys answer 403.
 */
@MicronautTest(transactional = false)
class EmailVerificationTest extends EmailTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("parley.auth.emails-per-address-per-hour", "2");
        return properties;
    }

    @Test
    void signUpMailsAVerificationLinkWithASingleUseToken() {
        String email = newEmail();
        Reply signup = signup(email, "en");

        Mail mail = INBOX.only(email);
        assertThat(signup.at("user.emailVerified")).isEqualTo(false);
        assertThat(mail.subject()).isEqualTo("Confirm your email address for Parley");
        assertThat(mail.body()).contains(PUBLIC_URL + "/verify-email#token=").contains("expires in 48 hours");

        assertThat(verify(mail.token()).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/me", signup.string("accessToken")).at("user.emailVerified")).isEqualTo(true);
        Reply again = verify(mail.token());
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.string("type")).isEqualTo("https://parley.dev/problems/invalid-token");
    }

    @Test
    void theEmailIsInTheLanguageTheAccountSignedUpIn() {
        String email = newEmail();
        signup(email, "zh-TW");

        Mail mail = INBOX.only(email);
        assertThat(mail.subject()).isEqualTo("請確認您在 Parley 的電子郵件地址");
        assertThat(mail.body()).contains("48 小時後失效");
    }

    @Test
    void anExpiredOrUnknownLinkDoesNotVerify() {
        String email = newEmail();
        Reply signup = signup(email, "en");
        String token = INBOX.only(email).token();
        expireTokensOf(signup.string("user.id"));

        assertThat(verify(token).status()).isEqualTo(401);
        assertThat(verify("not-a-token").status()).isEqualTo(401);
        assertThat(api().get("/api/v1/me", signup.string("accessToken")).at("user.emailVerified")).isEqualTo(false);
    }

    @Test
    void untilVerifiedInvitationsBillingChangesAndApiKeysAreRefused() {
        String email = newEmail();
        Reply signup = signup(email, "en");
        String token = signup.string("accessToken");

        Reply invite = api().post("/api/v1/invitations", token, Map.of("email", newEmail(), "role", "agent"));
        Reply key = api().post("/api/v1/api-keys", token, Map.of("name", "ci", "role", "viewer"));
        Reply checkout = api().post("/api/v1/billing/checkout", token, Map.of("planId", "pro"));
        Reply portal = api().post("/api/v1/billing/portal", token, null);
        Reply inChinese = api().send("POST", "/api/v1/api-keys", token, Map.of("name", "ci", "role", "viewer"),
                Map.of("Accept-Language", "zh-Hant"));

        for (Reply refused : new Reply[] {invite, key, checkout, portal}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.string("type")).isEqualTo("https://parley.dev/problems/forbidden");
            assertThat(refused.string("detail")).startsWith("Verify your email address first");
        }
        assertThat(inChinese.string("detail")).startsWith("請先驗證您的電子郵件地址");
        assertThat(api().get("/api/v1/me", token).at("user.emailVerificationRequired")).isEqualTo(true);

        verify(INBOX.only(email).token());
        assertThat(api().post("/api/v1/api-keys", token, Map.of("name", "ci", "role", "viewer")).status())
                .isEqualTo(201);
    }

    @Test
    void aResentLinkWorksAndResendsAreLimitedPerUser() {
        String email = newEmail();
        Reply signup = signup(email, "en");
        String token = signup.string("accessToken");
        INBOX.only(email); // emails go out through the job queue: wait for each to keep their order

        assertThat(resend(token).status()).isEqualTo(202);
        INBOX.nth(email, 2);
        assertThat(resend(token).status()).isEqualTo(202);
        Reply third = resend(token);

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isNotBlank();
        assertThat(verify(INBOX.nth(email, 3).token()).status()).isEqualTo(204);
        assertThat(resend(token).status()).as("already verified").isEqualTo(409);
    }

    @Test
    void apiKeysCannotAskForAVerificationEmail() {
        Session verified = verifiedSession();
        String key = api().post("/api/v1/api-keys", verified.accessToken(), Map.of("name", "k", "role", "admin"))
                .string("key");

        assertThat(resend(key).status()).isEqualTo(403);
    }

    @Test
    void aPasswordResetTokenDoesNotVerifyAnAddress() {
        String email = newEmail();
        signup(email, "en");
        String verifyToken = INBOX.only(email).token();
        api().post("/api/v1/auth/forgot-password", null, Map.of("email", email));
        String resetToken = INBOX.nth(email, 2).token();

        assertThat(verify(resetToken).status()).isEqualTo(401);
        assertThat(verify(verifyToken).status()).isEqualTo(204);
    }

    private Session verifiedSession() {
        String email = newEmail();
        Reply signup = signup(email, "en");
        verify(INBOX.only(email).token());
        return new Session(signup.string("accessToken"), signup.string("refreshToken"), signup.string("tenant.id"),
                signup.string("user.id"), email);
    }

    private Reply verify(String token) {
        return api().post("/api/v1/auth/verify-email", null, Map.of("token", token));
    }

    private Reply resend(String accessToken) {
        return api().post("/api/v1/auth/verify-email/resend", accessToken, null);
    }
}
