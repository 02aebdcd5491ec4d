package io.parley.api.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** bcrypt reads 72 bytes: passwords are limited in UTF-8 bytes, and a longer one is a 400/401, never a 500. */
@MicronautTest(transactional = false)
class PasswordBytesTest extends ApiTest {

    private static final String CJK_24 = "密".repeat(24); // 72 bytes
    private static final String CJK_25 = "密".repeat(25); // 75 bytes, 25 characters

    @Test
    void signUpWithTwentyFiveCjkCharactersIsABadRequestNamingThePassword() {
        Reply reply = api().post("/api/v1/auth/signup", null,
                Map.of("email", "cjk25@example.com", "password", CJK_25, "tenantName", "CJK Co"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isEqualTo("password");
        assertThat(reply.string("errors.0.message")).contains("72 bytes");
    }

    @Test
    void twentyFourCjkCharactersFitAndSignInWorks() {
        Reply signup = api().post("/api/v1/auth/signup", null,
                Map.of("email", "cjk24@example.com", "password", CJK_24, "tenantName", "CJK Co"));
        Reply login = api().post("/api/v1/auth/login", null, Map.of("email", "cjk24@example.com", "password", CJK_24));

        assertThat(signup.status()).as(signup.text()).isEqualTo(201);
        assertThat(login.status()).isEqualTo(200);
    }

    @Test
    void signInWithAPasswordLongerThan72BytesIsJustWrongCredentials() {
        api().post("/api/v1/auth/signup", null,
                Map.of("email", "cjk-long@example.com", "password", CJK_24, "tenantName", "CJK Co"));
        Reply known = api().post("/api/v1/auth/login", null, Map.of("email", "cjk-long@example.com", "password", CJK_25));
        Reply unknown = api().post("/api/v1/auth/login", null, Map.of("email", "nobody@example.com", "password", CJK_25));

        assertThat(known.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
    }
}
