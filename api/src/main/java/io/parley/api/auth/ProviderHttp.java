package io.parley.api.auth;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few JSON calls a sign-in makes to a provider (discovery, token endpoint, GitHub's user API), with short
 * timeouts: a slow provider fails the sign-in, never holds a request thread for long. Bodies are parsed with
 * nimbus-jose-jwt's JSON helpers (already the JWT library); answers are never logged (they hold tokens).
 */
@Singleton
final class ProviderHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Map<String, Object> getJson(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("User-Agent", "Parley");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return object(send(request.GET().build(), url));
    }

    List<Object> getJsonArray(String url, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("User-Agent", "Parley")
                .header("Authorization", "Bearer " + bearer).GET().build();
        try {
            return JSONArrayUtils.parse(send(request, url));
        } catch (ParseException e) {
            throw new OAuthFailure(OAuthFailure.PROVIDER, "not a JSON array from " + url, e);
        }
    }

    /** POSTs a form; {@code basicAuth} is "client_id:client_secret" for client_secret_basic, or null. */
    Map<String, Object> postForm(String url, Map<String, String> form, String basicAuth) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("User-Agent", "Parley")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return object(send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), url));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String send(HttpRequest request, String url) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new OAuthFailure(OAuthFailure.PROVIDER, url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new OAuthFailure(OAuthFailure.PROVIDER, url + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthFailure(OAuthFailure.PROVIDER, "interrupted", e);
        }
    }

    private static Map<String, Object> object(String text) {
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            throw new OAuthFailure(OAuthFailure.PROVIDER, "not a JSON object", e);
        }
    }
}
