package io.parley.api.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local identity provider for tests speaking the real protocols: OpenID Connect at its root (discovery, JWKS,
 * /authorize that approves at once as {@link #nextUser}, /token answering an RS256-signed ID token) and GitHub's
 * OAuth + REST under /github (/login/oauth/authorize, /login/oauth/access_token, /user, /user/emails). PKCE (S256),
 * client credentials and redirect_uri are checked at the token endpoint like a real provider does. {@link #tamper}
 * makes the next ID token wrong in one way (nonce, expiry, signature, audience).
 */
public final class FakeIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "parley-test-client";
    public static final String CLIENT_SECRET = "fake-client-secret-0001";

    /** The person who signs in at the next authorization. */
    public record User(String subject, String email, boolean emailVerified, String name) {
    }

    public enum Tamper { NONE, WRONG_NONCE, EXPIRED, FORGED, WRONG_AUDIENCE }

    private record Grant(User user, String nonce, String challenge, String redirectUri, String clientId) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey forger;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, User> accessTokens = new ConcurrentHashMap<>();
    private volatile User nextUser = new User("sub-default", "someone@example.com", true, "Someone");
    private volatile Tamper tamper = Tamper.NONE;

    public FakeIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("fake-key-1").generate();
            forger = new RSAKeyGenerator(2048).keyID("fake-key-1").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String gitHubUrl() {
        return issuer() + "/github";
    }

    public void nextUser(User user) {
        this.nextUser = user;
    }

    public void tamper(Tamper how) {
        this.tamper = how;
    }

    /** Properties configuring Parley with this provider as {@code oidcId} (OIDC) and {@code github} (GitHub). */
    public Map<String, String> properties(String oidcId) {
        Map<String, String> properties = new LinkedHashMap<>();
        String oidc = "parley.oauth.providers." + oidcId + ".";
        properties.put(oidc + "issuer", issuer());
        properties.put(oidc + "client-id", CLIENT_ID);
        properties.put(oidc + "client-secret", CLIENT_SECRET);
        properties.put(oidc + "display-name", "Fake SSO");
        properties.put("parley.oauth.providers.github.client-id", CLIENT_ID);
        properties.put("parley.oauth.providers.github.client-secret", CLIENT_SECRET);
        properties.put("parley.oauth.providers.github.web-url", gitHubUrl());
        properties.put("parley.oauth.providers.github.api-url", gitHubUrl());
        return properties;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            switch (path) {
                case "/.well-known/openid-configuration" -> json(exchange, 200, Map.of("issuer", issuer(),
                        "authorization_endpoint", issuer() + "/authorize", "token_endpoint", issuer() + "/token",
                        "jwks_uri", issuer() + "/jwks", "response_types_supported", List.of("code"),
                        "token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic")));
                case "/jwks" -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
                case "/authorize", "/github/login/oauth/authorize" -> authorize(exchange, query);
                case "/token" -> token(exchange, false);
                case "/github/login/oauth/access_token" -> token(exchange, true);
                case "/github/user" -> withUser(exchange, user -> Map.of("id", Long.parseLong(user.subject()),
                        "login", "octo-" + user.subject(), "name", user.name()));
                case "/github/user/emails" -> withUserList(exchange, user -> List.of(
                        Map.of("email", "noreply-" + user.subject() + "@users.noreply.github.com", "primary", false,
                                "verified", true),
                        Map.of("email", user.email(), "primary", true, "verified", user.emailVerified())));
                default -> json(exchange, 404, Map.of("error", "not_found"));
            }
        } catch (RuntimeException e) {
            json(exchange, 500, Map.of("error", e.toString()));
        }
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (!CLIENT_ID.equals(query.get("client_id")) || !"S256".equals(query.get("code_challenge_method"))) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(nextUser, query.get("nonce"), query.get("code_challenge"), query.get("redirect_uri"),
                query.get("client_id")));
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange, boolean github) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(String.valueOf(form.get("code")));
        boolean ok = grant != null && CLIENT_ID.equals(form.get("client_id"))
                && CLIENT_SECRET.equals(form.get("client_secret"))
                && grant.redirectUri().equals(form.get("redirect_uri"))
                && grant.challenge().equals(s256(String.valueOf(form.get("code_verifier"))));
        if (!ok) {
            // GitHub answers 200 with an error body; OIDC providers 400.
            json(exchange, github ? 200 : 400, Map.of("error", github ? "bad_verification_code" : "invalid_grant"));
            return;
        }
        String accessToken = "fake-at-" + UUID.randomUUID();
        accessTokens.put(accessToken, grant.user());
        if (github) {
            json(exchange, 200, Map.of("access_token", accessToken, "token_type", "bearer", "scope", "user:email"));
            return;
        }
        json(exchange, 200, Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 3600,
                "id_token", idToken(grant)));
    }

    private String idToken(Grant grant) {
        Tamper how = tamper;
        tamper = Tamper.NONE;
        Instant now = Instant.now();
        Instant expires = how == Tamper.EXPIRED ? now.minusSeconds(600) : now.plusSeconds(3600);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(grant.user().subject())
                .audience(how == Tamper.WRONG_AUDIENCE ? "someone-else" : grant.clientId())
                .issueTime(java.util.Date.from(how == Tamper.EXPIRED ? now.minusSeconds(4200) : now))
                .expirationTime(java.util.Date.from(expires))
                .claim("nonce", how == Tamper.WRONG_NONCE ? "not-the-nonce" : grant.nonce())
                .claim("email", grant.user().email()).claim("email_verified", grant.user().emailVerified())
                .claim("name", grant.user().name()).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(how == Tamper.FORGED ? forger : key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void withUser(HttpExchange exchange, java.util.function.Function<User, Map<String, Object>> body)
            throws IOException {
        User user = bearer(exchange);
        if (user == null) {
            json(exchange, 401, Map.of("message", "Bad credentials"));
        } else {
            json(exchange, 200, body.apply(user));
        }
    }

    private void withUserList(HttpExchange exchange, java.util.function.Function<User, List<Map<String, Object>>> body)
            throws IOException {
        User user = bearer(exchange);
        if (user == null) {
            json(exchange, 401, Map.of("message", "Bad credentials"));
        } else {
            send(exchange, 200, com.nimbusds.jose.util.JSONArrayUtils.toJSONString(new java.util.ArrayList<>(body.apply(user))));
        }
    }

    private User bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header == null || !header.startsWith("Bearer ") ? null : accessTokens.get(header.substring(7));
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        send(exchange, status, JSONObjectUtils.toJSONString(new LinkedHashMap<>(body)));
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The query of a URL as a map (for a redirect's Location). */
    public static Map<String, String> queryOf(String url) {
        return form(URI.create(url).getRawQuery());
    }

    /** The fragment of a URL as a map (the dashboard's /auth/callback#…). */
    public static Map<String, String> fragmentOf(String url) {
        return form(URI.create(url).getRawFragment());
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
