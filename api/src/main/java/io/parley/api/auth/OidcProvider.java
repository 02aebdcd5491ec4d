package io.parley.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OpenID Connect provider (Google or an operator's issuer): endpoints from its discovery document, the ID token's
 * signature checked against its JWKS (RS256/ES256 only, never "none" or HMAC), and its iss, aud, exp (60 s skew),
 * sub and nonce checked with nimbus-jose-jwt's processor.
 */
final class OidcProvider implements SignInProvider {

    private final OAuthProviderSettings settings;
    private final ProviderHttp http;
    private volatile Discovery discovery;

    private record Discovery(String authorizationEndpoint, String tokenEndpoint, boolean basicAuth,
                             JWKSource<SecurityContext> keys) {
    }

    OidcProvider(OAuthProviderSettings settings, ProviderHttp http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public OAuthProviderSettings settings() {
        return settings;
    }

    @Override
    public String authorizationUrl(String redirectUri, String state, String nonce, String codeChallenge) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", settings.clientId());
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", settings.scopeList());
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        parameters.put("code_challenge", codeChallenge);
        parameters.put("code_challenge_method", "S256");
        return SignInProvider.query(discovery().authorizationEndpoint(), parameters);
    }

    @Override
    public ProviderProfile profile(String code, String codeVerifier, String nonce, String redirectUri) {
        Discovery endpoints = discovery();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        form.put("client_id", settings.clientId());
        if (!endpoints.basicAuth()) {
            form.put("client_secret", settings.clientSecret());
        }
        Map<String, Object> tokens = http.postForm(endpoints.tokenEndpoint(), form,
                endpoints.basicAuth() ? settings.clientId() + ":" + settings.clientSecret() : null);
        if (!(tokens.get("id_token") instanceof String idToken)) {
            throw new OAuthFailure(OAuthFailure.PROVIDER, "the token endpoint answered no id_token");
        }
        JWTClaimsSet claims = verify(idToken, nonce, endpoints.keys());
        Object verified = claims.getClaim("email_verified");
        // Some providers send "true" as a string; anything else (absent, false) is unverified.
        boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(verified);
        return new ProviderProfile(claims.getSubject(), string(claims, "email"), emailVerified, string(claims, "name"));
    }

    private JWTClaimsSet verify(String idToken, String nonce, JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.clientId(),
                new JWTClaimsSet.Builder().issuer(settings.issuerUrl()).claim("nonce", nonce).build(),
                Set.of("sub", "iat", "exp")));
        try {
            return processor.process(idToken, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new OAuthFailure(OAuthFailure.ID_TOKEN, "ID token of " + settings.id() + " refused: " + e.getMessage(),
                    e);
        }
    }

    private Discovery discovery() {
        Discovery known = discovery;
        if (known != null) {
            return known;
        }
        String issuer = settings.issuerUrl();
        Map<String, Object> document = http.getJson(issuer + "/.well-known/openid-configuration", null);
        if (!issuer.equals(document.get("issuer"))) {
            throw new OAuthFailure(OAuthFailure.PROVIDER, "discovery of " + issuer + " names another issuer");
        }
        Object methods = document.get("token_endpoint_auth_methods_supported");
        boolean basic = methods instanceof List<?> list && !list.contains("client_secret_post");
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .create(URI.create(required(document, "jwks_uri")).toURL()).retrying(true).build();
            known = new Discovery(required(document, "authorization_endpoint"), required(document, "token_endpoint"),
                    basic, keys);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new OAuthFailure(OAuthFailure.PROVIDER, "bad jwks_uri in the discovery of " + issuer, e);
        }
        discovery = known;
        return known;
    }

    private static String required(Map<String, Object> document, String name) {
        if (document.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new OAuthFailure(OAuthFailure.PROVIDER, "the discovery document has no " + name);
    }

    private static String string(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value && !value.isBlank() ? value : null;
    }
}
