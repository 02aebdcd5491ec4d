package io.parley.api.http;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With PARLEY_METRICS_TOKEN set, /metrics answers only a scrape that sends it as a bearer token. */
@MicronautTest(transactional = false)
@Property(name = "parley.metrics.token", value = MetricsTokenTest.TOKEN)
class MetricsTokenTest extends ApiTest {

    static final String TOKEN = "scrape-token-0123456789";

    @Test
    void aScrapeWithoutTheTokenOrWithAnotherGets401Problem() {
        Reply without = api().send("GET", "/metrics", null, null, Map.of());
        Reply wrong = api().send("GET", "/metrics", "scrape-token-012345678X", null, Map.of());

        for (Reply reply : java.util.List.of(without, wrong)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.string("detail")).isEqualTo("Send the metrics token as 'Authorization: Bearer <token>'.");
            assertThat(reply.text()).doesNotContain(TOKEN).doesNotContain("jvm_");
        }
    }

    @Test
    void aScrapeWithTheTokenGetsTheMetrics() {
        Reply scrape = api().send("GET", "/metrics", TOKEN, null, Map.of());

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.text()).contains("jvm_memory_used_bytes");
    }
}
