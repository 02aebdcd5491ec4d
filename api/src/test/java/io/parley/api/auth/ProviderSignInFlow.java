package io.parley.api.auth;

import io.parley.api.testing.ApiClient;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.FakeIdentityProvider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a provider sign-in as a browser would: Parley's start (302 + binding cookie), the provider's authorization
 * page (approves at once, 302 back), Parley's callback (302 to the dashboard with a fragment).
 */
final class ProviderSignInFlow {

    static final String PUBLIC_URL = "https://parley.example";

    private final ApiClient api;
    private final HttpClient browser = HttpClient.newHttpClient();

    ProviderSignInFlow(ApiClient api) {
        this.api = api;
    }

    /** The parts of one round trip, so a test can replay or tamper with them. */
    record Round(String callbackPath, String cookie) {
    }

    /** Start (or, with an access token, link) and pass the provider's page; not yet back at Parley. */
    Round toProvider(String provider, String accessToken) {
        String location;
        String setCookie;
        if (accessToken == null) {
            Reply start = api.get("/api/v1/auth/oauth/" + provider + "/start", null);
            assertThat(start.status()).as(start.text()).isEqualTo(302);
            location = start.header("Location");
            setCookie = start.header("Set-Cookie");
        } else {
            Reply link = api.post("/api/v1/auth/oauth/" + provider + "/link", accessToken, Map.of());
            assertThat(link.status()).as(link.text()).isEqualTo(200);
            location = link.string("authorizationUrl");
            setCookie = link.header("Set-Cookie");
        }
        assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("Path=/api/v1/auth/oauth");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String back = providerRedirect(location);
        assertThat(back).startsWith(PUBLIC_URL + "/api/v1/auth/oauth/" + provider + "/callback?");
        return new Round(back.substring(PUBLIC_URL.length()), cookie);
    }

    /** Back at Parley's callback: the fragment of the dashboard URL it redirects to. */
    Map<String, String> back(Round round) {
        Reply callback = api.send("GET", round.callbackPath(), null, null, Map.of("Cookie", round.cookie()));
        assertThat(callback.status()).isEqualTo(302);
        String dashboard = callback.header("Location");
        assertThat(dashboard).startsWith(PUBLIC_URL + "/auth/callback#");
        return FakeIdentityProvider.fragmentOf(dashboard);
    }

    Map<String, String> signIn(String provider) {
        return back(toProvider(provider, null));
    }

    /** A whole sign-in ending with the token exchange. */
    Reply signInAndExchange(String provider) {
        Map<String, String> fragment = signIn(provider);
        assertThat(fragment).as("callback fragment").containsKey("code");
        return api.post("/api/v1/auth/oauth/exchange", null, Map.of("code", fragment.get("code")));
    }

    private String providerRedirect(String authorizationUrl) {
        try {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
            return page.headers().firstValue("Location").orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
