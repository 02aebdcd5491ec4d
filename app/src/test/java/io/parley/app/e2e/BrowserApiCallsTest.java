package io.parley.app.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every role in one server, the dashboard's page fallback must not take the API's GET requests. A browser's
 * fetch sends {@code Accept: *}{@code /*}, which an earlier catch-all page route matched more closely than the API's
 * JSON routes (found by the browser story: every dashboard list answered 404); the fallback now only handles
 * requests no route matched.
 */
@MicronautTest(transactional = false)
class BrowserApiCallsTest extends PipelineTest {

    @Test
    void aBrowsersGetWithAnyAcceptReachesTheApiNotThePageFallback() throws Exception {
        Setup setup = setUp(Map.of());
        for (String path : new String[] {"/api/v1/bots", "/api/v1/me", "/api/v1/contacts"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Accept", "*/*").header("Authorization", "Bearer " + setup.token()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
        }
    }

    @Test
    void theWidgetScriptAndPagesAreStillServedToBrowsers() throws Exception {
        HttpResponse<String> widget = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/widget.js"))
                .header("Accept", "*/*").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/bots/x/channels"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(widget.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("cross-origin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\">");
    }
}
