package io.parley.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The web role serves the built dashboard (the Maven build runs `npm run build` before these tests). */
@MicronautTest(transactional = false)
class DashboardTest implements DatabaseTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Test
    void theFrontPageIsTheDashboardWithAPageContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Parley</title>").contains("<div id=\"root\">");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'").contains("script-src 'self'"));
    }

    @Test
    void theSetupPageWhoseUrlIsABearerTokenIsNeverStored() throws Exception {
        HttpResponse<String> page = get("/setup/a-signed-setup-token");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\">");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void everyClientSideRouteGetsThePageSoReloadsAndSharedLinksWork() throws Exception {
        String index = get("/").body();
        for (String route : new String[] {"/sign-in", "/bots/0193a0e4-1111-7000-8000-000000000000/flows", "/inbox?bot=x"}) {
            HttpResponse<String> page = get(route);
            assertThat(page.statusCode()).as(route).isEqualTo(200);
            assertThat(page.body()).as(route).isEqualTo(index);
        }
    }

    @Test
    void bundledFilesAreServedWithTheirTypeAndCachedForeverBecauseTheirNamesCarryAHash() throws Exception {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(get("/").body());
        assertThat(script.find()).as("index.html names its script").isTrue();

        HttpResponse<String> js = get(script.group(1));

        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(js.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get("/favicon.svg").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    }

    @Test
    void missingFilesAndMachinePathsAre404ProblemsNeverThePage() throws Exception {
        for (String path : new String[] {"/assets/missing-abc123.js", "/logo.png", "/webhooks/line/x/y",
                "/health/nothing", "/metrics/nothing", "/openapi/missing.yml", "/chat/x/y/z"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
    }

    @Test
    void unknownApiPathsAskForCredentialsFirstAndNeverGetThePage() throws Exception {
        // /api/** requires authentication (application.yml) before any route is looked at
        HttpResponse<String> response = get("/api/v1/nothing-here");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void otherMethodsOnUnknownPathsAre404ProblemsToo() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("/api/v1/auth/login");
    }

    @Test
    void theWidgetScriptMayBeEmbeddedByOtherOrigins() throws Exception {
        HttpResponse<String> widget = get("/widget.js");
        if (widget.statusCode() == 200) { // built by the widget's own Vite config
            assertThat(widget.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("cross-origin");
            assertThat(widget.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        } else {
            assertThat(widget.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theServiceWorkerIsAScriptAtTheRootSoItsScopeIsTheWholeDashboardAndItIsNeverCachedStale() throws Exception {
        HttpResponse<String> worker = get("/sw.js");

        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(worker.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(worker.body()).contains("addEventListener('push'").contains("showNotification");
    }

    @Test
    void pathsCannotReachOtherClasspathFiles() throws Exception {
        for (String path : new String[] {"/..%2Fapplication.yml", "/assets/..%2F..%2Fapplication.yml",
                "/.hidden.js", "/%2e%2e/%2e%2e/application.yml"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.body()).as(path).doesNotContain("datasources").doesNotContain("micronaut:");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
