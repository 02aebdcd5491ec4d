package io.parley.api.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code parley.auth.require-verified-email=true} applies the rule even without SMTP (where it is off by default:
 * nobody could verify); the link is then only logged in development.
 */
@MicronautTest(transactional = false)
class RequireVerifiedEmailSettingTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.auth.require-verified-email", "true");
    }

    @Test
    void theSettingKeepsAnUnverifiedUserFromCreatingApiKeysWithoutSmtp() {
        Session session = api().signup("Strict Co");

        assertThat(api().post("/api/v1/api-keys", session.accessToken(), Map.of("name", "k", "role", "viewer"))
                .status()).isEqualTo(403);
        assertThat(api().get("/api/v1/me", session.accessToken()).at("user.emailVerificationRequired"))
                .isEqualTo(true);
    }
}
