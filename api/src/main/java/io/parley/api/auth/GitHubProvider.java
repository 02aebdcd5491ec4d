package io.parley.api.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub: OAuth 2.0 (authorization code + PKCE) without ID tokens, so who signed in comes from its REST API:
 * {@code GET /user} for the stable numeric id and {@code GET /user/emails} for the primary email and whether GitHub
 * verified it. GitHub has no nonce; the state (single use, bound to the browser) protects the callback.
 */
final class GitHubProvider implements SignInProvider {

    private final OAuthProviderSettings settings;
    private final ProviderHttp http;

    GitHubProvider(OAuthProviderSettings settings, ProviderHttp http) {
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
        parameters.put("client_id", settings.clientId());
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", settings.scopeList());
        parameters.put("state", state);
        parameters.put("code_challenge", codeChallenge);
        parameters.put("code_challenge_method", "S256");
        parameters.put("allow_signup", "false");
        return SignInProvider.query(settings.gitHubWebUrl() + "/login/oauth/authorize", parameters);
    }

    @Override
    public ProviderProfile profile(String code, String codeVerifier, String nonce, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        Map<String, Object> token = http.postForm(settings.gitHubWebUrl() + "/login/oauth/access_token", form, null);
        if (!(token.get("access_token") instanceof String accessToken)) {
            // GitHub answers 200 with {"error": "bad_verification_code"} for a bad or reused code.
            throw new OAuthFailure(OAuthFailure.PROVIDER, "GitHub refused the code: " + token.get("error"));
        }
        Map<String, Object> user = http.getJson(settings.gitHubApiUrl() + "/user", accessToken);
        Object id = user.get("id");
        if (id == null) {
            throw new OAuthFailure(OAuthFailure.PROVIDER, "GitHub's /user has no id");
        }
        List<Object> emails = http.getJsonArray(settings.gitHubApiUrl() + "/user/emails", accessToken);
        String email = null;
        boolean verified = false;
        for (Object entry : emails) {
            if (entry instanceof Map<?, ?> row && Boolean.TRUE.equals(row.get("primary"))
                    && row.get("email") instanceof String address) {
                email = address;
                verified = Boolean.TRUE.equals(row.get("verified"));
            }
        }
        String subject = id instanceof Number number ? Long.toString(number.longValue()) : id.toString();
        String name = user.get("name") instanceof String n && !n.isBlank() ? n
                : user.get("login") instanceof String login ? login : null;
        return new ProviderProfile(subject, email, verified, name);
    }
}
