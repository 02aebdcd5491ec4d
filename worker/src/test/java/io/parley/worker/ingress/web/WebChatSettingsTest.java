package io.parley.worker.ingress.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A web chat channel's settings on the widget's requests: allowed origins (CORS included) and message length. */
@MicronautTest(transactional = false)
class WebChatSettingsTest extends WorkerTest {

    private static final String SECRET = "pis_settings-test-secret-0123456789abcdefghij";
    private static final String SHOP = "https://shop.example";

    @Test
    void aListedOriginMayPreflightAndSend() {
        Channels.Created web = channels().web(SECRET, "{\"allowedOrigins\": [\"https://shop.example\"]}");

        Reply preflight = preflight(web, SHOP);
        Reply post = send(web, "m-00000101", "Hi", Map.of("Origin", SHOP));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(post.status()).isEqualTo(202);
        assertThat(post.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
    }

    @Test
    void anUnlistedOriginIsRefusedWithoutCorsHeadersAndStoresNothing() {
        Channels.Created web = channels().web(SECRET, "{\"allowedOrigins\": [\"https://shop.example\"]}");

        Reply preflight = preflight(web, "https://evil.example");
        Reply post = send(web, "m-00000102", "Hi", Map.of("Origin", "https://evil.example"));
        Reply stream = http().get("chat/" + web.widgetKey() + "/sessions/" + WebChatTest.session() + "/stream",
                Map.of("Origin", "https://evil.example"));

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.header("Content-Type")).startsWith("application/problem+json");
        assertThat(post.string("detail")).contains("https://evil.example");
        assertThat(post.header("Access-Control-Allow-Origin")).isNull();
        assertThat(stream.status()).isEqualTo(403);
        assertThat(rows().events(web.id())).isEmpty();
    }

    @Test
    void withOriginsListedARequestWithoutOriginIsRefusedUnlessTheBrowserSaysSameOrigin() {
        Channels.Created web = channels().web(SECRET, "{\"allowedOrigins\": [\"https://shop.example\"]}");

        Reply missing = send(web, "m-00000103", "Hi", Map.of());
        Reply sameOrigin = send(web, "m-00000104", "Hi", Map.of("Sec-Fetch-Site", "same-origin"));
        Reply parleysOwn = send(web, "m-00000105", "Hi", Map.of("Origin", "http://localhost:8080"));

        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.string("detail")).contains("no Origin");
        assertThat(sameOrigin.status()).isEqualTo(202);
        assertThat(parleysOwn.status()).as("the hosted page at parley.public-url").isEqualTo(202);
    }

    @Test
    void withoutOriginsListedAnyOriginAndNoOriginMayChat() {
        Channels.Created web = channels().web(SECRET, "{}");

        assertThat(send(web, "m-00000106", "Hi", Map.of("Origin", "https://anywhere.example")).status()).isEqualTo(202);
        assertThat(send(web, "m-00000107", "Hi", Map.of()).status()).isEqualTo(202);
    }

    @Test
    void aMessageLongerThanTheChannelsLimitIsRefusedByName() {
        Channels.Created web = channels().web(SECRET, "{\"maxMessageLength\": 10}");

        Reply atLimit = send(web, "m-00000108", "x".repeat(10), Map.of());
        Reply over = send(web, "m-00000109", "x".repeat(11), Map.of());

        assertThat(atLimit.status()).isEqualTo(202);
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.text()).contains("\"field\":\"text\"").contains("at most 10 characters");
        assertThat(rows().events(web.id())).hasSize(1);
    }

    @Test
    void theWidgetsConfigGivesTheChannelsBrandingAndDefaultsWithoutIt() {
        Channels.Created branded = channels().web(SECRET, "{\"title\": \"Lumi Shop\", \"color\": \"#0f766e\", "
                + "\"logoUrl\": \"https://shop.example/lumi.png\", \"position\": \"left\", "
                + "\"greeting\": \"Questions about your order?\", \"language\": \"zh-Hant\", "
                + "\"allowedOrigins\": [\"https://shop.example\"]}");
        Channels.Created plain = channels().web(SECRET, "{}");

        Reply config = http().get("chat/" + branded.widgetKey() + "/config", Map.of("Origin", SHOP));
        Reply defaults = http().get("chat/" + plain.widgetKey() + "/config", Map.of());
        Reply elsewhere = http().get("chat/" + branded.widgetKey() + "/config", Map.of("Origin", "https://evil.example"));
        Reply unknown = http().get("chat/pwk_nosuchwidget0000000000/config", Map.of());

        assertThat(config.status()).as(config.text()).isEqualTo(200);
        assertThat(config.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(config.header("Cache-Control")).isEqualTo("no-store");
        assertThat(config.string("title")).isEqualTo("Lumi Shop");
        assertThat(config.string("color")).isEqualTo("#0f766e");
        assertThat(config.string("logoUrl")).isEqualTo("https://shop.example/lumi.png");
        assertThat(config.string("position")).isEqualTo("left");
        assertThat(config.string("greeting")).isEqualTo("Questions about your order?");
        assertThat(config.string("language")).isEqualTo("zh-Hant");
        assertThat(config.text()).doesNotContain("allowedOrigins").doesNotContain(SECRET);
        assertThat(defaults.string("position")).isEqualTo("right");
        assertThat(defaults.string("language")).isEqualTo("auto");
        assertThat(defaults.text()).doesNotContain("\"title\":\"").doesNotContain("\"greeting\":\"");
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
    }

    private Reply preflight(Channels.Created web, String origin) {
        return http().send("OPTIONS", "chat/" + web.widgetKey() + "/messages", null, Map.of("Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
    }

    private Reply send(Channels.Created web, String clientMessageId, String text, Map<String, String> headers) {
        Map<String, Object> body = new HashMap<>(Map.of("sessionId", WebChatTest.session(),
                "clientMessageId", clientMessageId, "text", text));
        try {
            return http().post("chat/" + web.widgetKey() + "/messages", json.writeValueAsString(body), headers);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
