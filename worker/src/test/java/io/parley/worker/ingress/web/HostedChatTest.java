package io.parley.worker.ingress.web;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hosted full-page chat at /c/{widgetKey}: branded page, manifest, icon, service worker, offline page. */
@MicronautTest(transactional = false)
class HostedChatTest extends WorkerTest {

    private static final String BRANDED = """
            {"title": "Lumi <Help>", "color": "#0f766e", "logoUrl": "https://cdn.example/logo.png",
             "offlineText": "Call 1925 <now> if you need help."}""";

    @Test
    void thePageCarriesTheChannelsBrandingAndRunsTheWidgetFullPage() {
        Channels.Created web = channels().web(WebIdentityTest.SECRET, BRANDED);

        Reply page = http().get("c/" + web.widgetKey(), Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("<html lang=\"en\">").contains("<title>Lumi &lt;Help&gt;</title>")
                .contains("<meta name=\"theme-color\" content=\"#0f766e\">")
                .contains("<link rel=\"manifest\" href=\"/c/" + web.widgetKey() + "/manifest.webmanifest\">")
                .contains("src=\"https://cdn.example/logo.png\"")
                .contains("data-parley-widget=\"" + web.widgetKey() + "\" data-parley-mode=\"page\"")
                .doesNotContain("<Help>");
    }

    @Test
    void withoutBrandingThePageIsNamedForTheBotInTheVisitorsLanguage() {
        Channels.Created web = channels().web(WebIdentityTest.SECRET, "{}");

        Reply page = http().get("c/" + web.widgetKey(), Map.of("Accept-Language", "zh-TW,zh;q=0.9"));
        Reply offline = http().get("c/" + web.widgetKey() + "/offline", Map.of("Accept-Language", "zh-TW"));

        assertThat(page.text()).contains("<html lang=\"zh-Hant\">").contains("<title>Test bot</title>")
                .contains("content=\"" + HostedChatPages.DEFAULT_COLOR + "\"");
        assertThat(offline.text()).contains("目前離線").doesNotContain("<p class=\"offline-text\">");
    }

    @Test
    void aChannelWithAFixedLanguageServesItsPageInThatLanguageWhateverTheBrowserSays() {
        Channels.Created chinese = channels().web(WebIdentityTest.SECRET, "{\"language\": \"zh-Hant\"}");
        Channels.Created auto = channels().web(WebIdentityTest.SECRET, "{\"language\": \"auto\"}");

        assertThat(http().get("c/" + chinese.widgetKey(), Map.of("Accept-Language", "en-US")).text())
                .contains("<html lang=\"zh-Hant\">");
        assertThat(http().get("c/" + chinese.widgetKey() + "/offline", Map.of()).text()).contains("目前離線");
        assertThat(http().get("c/" + auto.widgetKey(), Map.of("Accept-Language", "zh-TW")).text())
                .contains("<html lang=\"zh-Hant\">");
        assertThat(http().get("c/" + auto.widgetKey(), Map.of("Accept-Language", "en-US")).text())
                .contains("<html lang=\"en\">");
    }

    @Test
    void textOnTheAccentStaysReadable() {
        Channels.Created yellow = channels().web(WebIdentityTest.SECRET, "{\"title\": \"Sunny\", \"color\": \"#facc15\"}");
        Channels.Created teal = channels().web(WebIdentityTest.SECRET, BRANDED);

        assertThat(http().get("c/" + yellow.widgetKey(), Map.of()).text()).contains("background:#facc15;color:#0f172a}");
        assertThat(http().get("c/" + yellow.widgetKey() + "/icon.svg", Map.of()).text()).contains("fill=\"#0f172a\">S<");
        assertThat(http().get("c/" + teal.widgetKey(), Map.of()).text()).contains("background:#0f766e;color:#ffffff}");
        assertThat(HostedChatPages.textOn("#000000")).isEqualTo("#ffffff");
        assertThat(HostedChatPages.textOn("#ffffff")).isEqualTo("#0f172a");
    }

    @Test
    void theManifestMakesItAnInstallableAppScopedToThePage() throws Exception {
        Channels.Created web = channels().web(WebIdentityTest.SECRET, BRANDED);

        Reply reply = http().get("c/" + web.widgetKey() + "/manifest.webmanifest", Map.of());
        Map<String, Object> manifest = json.readValue(reply.text(), Argument.mapOf(String.class, Object.class));

        assertThat(reply.header("Content-Type")).startsWith("application/manifest+json");
        assertThat(manifest).containsEntry("name", "Lumi <Help>").containsEntry("display", "standalone")
                .containsEntry("start_url", "/c/" + web.widgetKey()).containsEntry("scope", "/c/" + web.widgetKey())
                .containsEntry("theme_color", "#0f766e");
        assertThat((List<?>) manifest.get("icons")).hasSize(2);
        assertThat(http().get("c/" + web.widgetKey() + "/icon.svg", Map.of()).text()).startsWith("<svg")
                .contains("fill=\"#0f766e\"").contains(">L<");
    }

    @Test
    void theServiceWorkerFallsBackToTheOfflinePageWithTheTenantsText() {
        Channels.Created web = channels().web(WebIdentityTest.SECRET, BRANDED);

        Reply worker = http().get("c/" + web.widgetKey() + "/sw.js", Map.of());
        Reply offline = http().get("c/" + web.widgetKey() + "/offline", Map.of());

        assertThat(worker.header("Content-Type")).startsWith("text/javascript");
        assertThat(worker.header("Service-Worker-Allowed")).isEqualTo("/c/" + web.widgetKey());
        assertThat(worker.text()).contains("\"/c/" + web.widgetKey() + "/offline\"").contains("caches.match(OFFLINE)");
        assertThat(offline.text()).contains("You are offline").contains("Call 1925 &lt;now&gt; if you need help.");
    }

    @Test
    void anUnknownWidgetKeyHasNoPage() {
        Channels.Created line = channels().line();

        for (String path : List.of("c/pwk_unknown", "c/" + line.id(), "c/pwk_unknown/manifest.webmanifest",
                "c/pwk_unknown/sw.js")) {
            assertThat(http().get(path, Map.of()).status()).as(path).isEqualTo(404);
        }
    }
}
