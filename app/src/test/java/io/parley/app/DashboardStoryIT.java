package io.parley.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.parley.api.testing.FakeIdentityProvider;
import io.parley.core.testing.FakeStripe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The dashboard's story in a real browser (web/frontend/e2e/story.mjs, playwright-core with the machine's Chromium)
 * against the jar as users run it, with the demo LLM: sign up, create a bot, add a web channel, chat in the widget on
 * a plain page of another origin served here, see the conversation in the inbox, take over and answer, upgrade to Pro
 * through Checkout. Screenshots of the main pages go to target/screenshots.
 *
 * <p>Billing runs against {@link FakeStripe} with no trial (the tenant starts on Free): the Checkout Session's URL is
 * the fake's page, whose Subscribe button posts the signed {@code checkout.session.completed} and
 * {@code customer.subscription.created} to the jar's /webhooks/stripe and returns to the success URL; the plan changes
 * once the jar's queue has processed them.
 *
 * <p>Sign-in through OpenID Connect runs against {@link FakeIdentityProvider}, configured as the provider {@code sso}
 * ("Fake SSO") through the environment variables an operator sets; it approves at once as {@link #SSO_USER}.
 *
 * <p>Needs Node 20+ on the PATH and Chromium ({@code apt-get install -y chromium}; another binary with
 * {@code CHROMIUM}). Without Chromium it fails, saying so; {@code PARLEY_SKIP_BROWSER_TESTS=1} skips it instead.
 */
class DashboardStoryIT {

    private static final Path FRONTEND = Path.of("../web/frontend");
    private static final int TAIL_LINES = 25;
    private static final long STORY_TIMEOUT_SECONDS = 600; // about 40 steps; a loaded CI machine needs the headroom
    /** The story's platform admin (a second user, signed up by steps/operator.mjs), named as an operator names one. */
    private static final String OPERATOR_EMAIL = "operator@story.example";
    private static final FakeIdentityProvider.User SSO_USER = new FakeIdentityProvider.User("story-sso-1",
            "sam.soong@example.com", true, "Sam Soong");

    @TempDir
    Path dataDirectory;

    @Test
    void aBusinessChatsWithAVisitorOfItsWebsite() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("PARLEY_SKIP_BROWSER_TESTS")),
                "PARLEY_SKIP_BROWSER_TESTS=1: browser tests skipped");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is missing at " + chromium + ": install it (apt-get install -y chromium), point CHROMIUM at "
                    + "another binary, or set PARLEY_SKIP_BROWSER_TESTS=1 to skip the browser tests.");
        }
        if (!Files.isDirectory(FRONTEND.resolve("node_modules/playwright-core"))) {
            fail("playwright-core is not installed in web/frontend: run `npm install` there (the web module's build does).");
        }
        int port = freePort(); // fixed before start: the embed snippet carries PARLEY_PUBLIC_URL, which must be right
        String parleyUrl = "http://localhost:" + port;
        FakeStripe stripe = FakeStripe.start();
        HttpServer telegram = fakeTelegram();
        FakeIdentityProvider identityProvider = new FakeIdentityProvider();
        identityProvider.nextUser(SSO_USER);
        stripe.completeCheckoutsVia(parleyUrl + "/webhooks/stripe");
        Map<String, String> environment = new HashMap<>(Map.of("PARLEY_PUBLIC_URL", parleyUrl,
                "STRIPE_API_KEY", FakeStripe.API_KEY, "STRIPE_WEBHOOK_SECRET", FakeStripe.WEBHOOK_SECRET,
                "PARLEY_STRIPE_API_URL", stripe.url(), "PARLEY_PLANS_PRO_STRIPE_PRICE_IDS", FakeStripe.PRO_PRICE,
                "PARLEY_PLANS_BUSINESS_STRIPE_PRICE_IDS", FakeStripe.BUSINESS_PRICE,
                "PARLEY_BILLING_TRIAL_DAYS", "0", // no trial: the owner starts on Free, and Pro is bought
                "PARLEY_PROVIDERS_TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.getAddress().getPort()));
        environment.putAll(Map.of("PARLEY_OAUTH_PROVIDERS_SSO_ISSUER", identityProvider.issuer(),
                "PARLEY_OAUTH_PROVIDERS_SSO_CLIENT_ID", FakeIdentityProvider.CLIENT_ID,
                "PARLEY_OAUTH_PROVIDERS_SSO_CLIENT_SECRET", FakeIdentityProvider.CLIENT_SECRET,
                "PARLEY_OAUTH_PROVIDERS_SSO_DISPLAY_NAME", "Fake SSO"));
        environment.put("PARLEY_PLATFORM_ADMINS", OPERATOR_EMAIL);
        ParleyJar jar = ParleyJar.start(dataDirectory, port, environment);
        HttpServer site = hostSite();
        try {
            jar.port(120);
            Path screenshots = Path.of("target/screenshots").toAbsolutePath();
            Deque<String> tail = new ArrayDeque<>();
            int exit = story(parleyUrl, "http://127.0.0.1:" + site.getAddress().getPort() + "/", screenshots, chromium,
                    tail);
            // The failure message carries the story's last lines (the failed step and its error), so a CI summary that
            // shows only the assertion still says which step failed and why.
            assertThat(exit).as("story.mjs exit code; its last lines:%n%s", String.join("\n", tail)).isZero();
        } finally {
            site.stop(0);
            telegram.stop(0);
            identityProvider.close();
            stripe.close();
            jar.process.destroy();
            if (!jar.process.waitFor(60, TimeUnit.SECONDS)) {
                jar.process.destroyForcibly();
            }
        }
    }

    /**
     * Runs the story with its output streamed into this test's, keeping its last {@value #TAIL_LINES} lines in
     * {@code tail}, and answers its exit code.
     */
    private static int story(String parleyUrl, String hostPageUrl, Path screenshots, Path chromium, Deque<String> tail)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/story.mjs").directory(FRONTEND.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("PARLEY_URL", parleyUrl, "HOST_PAGE_URL", hostPageUrl,
                "SCREENSHOT_DIR", screenshots.toString(), "CHROMIUM", chromium.toString(),
                "SSO_NAME", "Fake SSO", "SSO_EMAIL", SSO_USER.email(), "SSO_USER_NAME", SSO_USER.name(),
                "OPERATOR_EMAIL", OPERATOR_EMAIL));
        Process story = builder.start();
        story.getOutputStream().close();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(story.getInputStream(), StandardCharsets.UTF_8))) {
            Thread echo = Thread.ofVirtual().start(() -> lines.lines().forEach(line -> {
                System.out.println("[story] " + line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }));
            if (!story.waitFor(STORY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                story.descendants().forEach(ProcessHandle::destroyForcibly);
                story.destroyForcibly();
                fail("story.mjs did not finish in " + STORY_TIMEOUT_SECONDS + " s");
            }
            echo.join(5_000);
        }
        return story.exitValue();
    }

    /**
     * A plain website of "another company" on its own port: GET / embeds the snippet the story PUT to /snippet, as a
     * business would paste it into its page.
     */
    private static HttpServer hostSite() throws IOException {
        AtomicReference<String> snippet = new AtomicReference<>("");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/snippet", exchange -> {
            snippet.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 204, "text/plain", "");
        });
        server.createContext("/", exchange -> respond(exchange, 200, "text/html; charset=utf-8", """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>Story Coffee</title>
                <style>body { font: 16px Georgia, serif; margin: 40px; color: #333 } button { all: unset }</style>
                </head><body><h1>Story Coffee</h1><p>Hand-roasted beans, open every day from 8 to 18.</p>
                %s
                </body></html>""".formatted(snippet.get())));
        server.start();
        return server;
    }

    /**
     * Telegram's Bot API for the broadcast step: every {@code sendMessage} is accepted with the protocol fixture's
     * answer (a broadcast sends one per chat).
     */
    private static HttpServer fakeTelegram() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean send = exchange.getRequestURI().getPath().endsWith("/sendMessage");
            respond(exchange, send ? 200 : 404, "application/json", send
                    ? io.parley.core.testing.Fixtures.text("telegram-sendmessage-response.json")
                    : "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        });
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
