package io.parley.api.http;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTPS redirect is off by default: a proxy may terminate TLS and speak HTTP to Parley on purpose. */
@MicronautTest(transactional = false)
class HttpsRedirectOffTest extends ApiTest {

    @Test
    void withoutTheSettingPlainHttpIsServed() {
        assertThat(api().send("GET", "/api/v1/auth/oauth/providers", null, null,
                Map.of("X-Forwarded-Proto", "http")).status()).isEqualTo(200);
    }
}
