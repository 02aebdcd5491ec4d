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
 * A forgotten password: the request never tells whether the address has an account, is limited per address, and
 * mails a single-use expiring link; the new password follows sign-up's rules and ends every session.
 */
@MicronautTest(transactional = false)
class PasswordResetTest extends EmailTestBase {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("parley.auth.emails-per-address-per-hour", "3");
        properties.put("parley.auth.password-reset-minutes", "30");
        return properties;
    }

    @Test
    void aRequestAnswersTheSameForAnAccountAndForNobodyAndOnlyTheAccountGetsMail() {
        String account = newEmail();
        signup(account, "en");
        INBOX.only(account); // emails go out through the job queue: wait for each to keep their order
        String nobody = newEmail();

        Reply known = forgot(account);
        Reply unknown = forgot(nobody);

        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.text()).isEqualTo(unknown.text());
        Mail mail = INBOX.nth(account, 2);
        assertThat(mail.subject()).isEqualTo("Reset your Parley password");
        assertThat(mail.body()).contains(PUBLIC_URL + "/reset-password#token=").contains("expires in 30 minutes");
        assertThat(INBOX.to(nobody, 1)).isEmpty();
    }

    @Test
    void theNewPasswordSignsInEndsEverySessionAndTheLinkWorksOnce() {
        String email = newEmail();
        Reply signup = signup(email, "en");
        INBOX.only(email); // emails go out through the job queue: wait for each to keep their order
        forgot(email);
        String token = INBOX.nth(email, 2).token();

        assertThat(reset(token, NEW_PASSWORD).status()).isEqualTo(204);

        assertThat(api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", signup.string("refreshToken")))
                .status()).as("the old session ended").isEqualTo(401);
        assertThat(login(email, Session.PASSWORD).status()).isEqualTo(401);
        Reply login = login(email, NEW_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.at("user.emailVerified")).as("the reset email proved the address").isEqualTo(true);
        assertThat(reset(token, "yet another passphrase").status()).isEqualTo(401);
    }

    @Test
    void anExpiredLinkOrAnEarlierOneAfterAResetDoesNotWork() {
        String email = newEmail();
        Reply signup = signup(email, "en");
        INBOX.only(email); // emails go out through the job queue: wait for each to keep their order
        forgot(email);
        String first = INBOX.nth(email, 2).token();
        forgot(email);
        String second = INBOX.nth(email, 3).token();

        assertThat(reset(second, NEW_PASSWORD).status()).isEqualTo(204);
        assertThat(reset(first, "someone else's passphrase").status()).isEqualTo(401);

        forgot(email);
        String late = INBOX.nth(email, 4).token();
        expireTokensOf(signup.string("user.id"));
        assertThat(reset(late, "too late a passphrase").status()).isEqualTo(401);
        assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theNewPasswordFollowsTheSignUpRules() {
        String email = newEmail();
        signup(email, "en");
        INBOX.only(email); // emails go out through the job queue: wait for each to keep their order
        forgot(email);
        String token = INBOX.nth(email, 2).token();

        Reply tooShort = reset(token, "short");
        Reply tooLong = reset(token, "密".repeat(25));

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.string("errors.0.field")).isEqualTo("password");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(reset(token, NEW_PASSWORD).status()).as("a refused password does not spend the link")
                .isEqualTo(204);
    }

    @Test
    void requestsAreLimitedPerAddressWhetherOrNotItHasAnAccount() {
        String nobody = newEmail();
        for (int i = 0; i < 3; i++) {
            assertThat(forgot(nobody).status()).isEqualTo(202);
        }
        Reply limited = forgot(nobody.toUpperCase());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    private Reply forgot(String email) {
        return api().post("/api/v1/auth/forgot-password", null, Map.of("email", email));
    }

    private Reply reset(String token, String password) {
        return api().post("/api/v1/auth/reset-password", null, Map.of("token", token, "password", password));
    }

    private Reply login(String email, String password) {
        return api().post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
    }
}
