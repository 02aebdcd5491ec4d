package io.parley.api.auth;

/** One configured provider: builds the authorization URL and turns a callback's code into a profile. */
sealed interface SignInProvider permits OidcProvider, GitHubProvider {

    OAuthProviderSettings settings();

    /** The provider's authorization endpoint with every parameter of an authorization-code + PKCE (S256) request. */
    String authorizationUrl(String redirectUri, String state, String nonce, String codeChallenge);

    /**
     * Exchanges the code (with the PKCE verifier) and answers who signed in; throws {@link OAuthFailure}.
     * {@code nonce} is checked against the ID token's where the provider issues one.
     */
    ProviderProfile profile(String code, String codeVerifier, String nonce, String redirectUri);

    static String query(String endpoint, java.util.Map<String, String> parameters) {
        StringBuilder url = new StringBuilder(endpoint).append(endpoint.contains("?") ? '&' : '?');
        parameters.forEach((key, value) -> url.append(ProviderHttp.encode(key)).append('=')
                .append(ProviderHttp.encode(value)).append('&'));
        url.setLength(url.length() - 1);
        return url.toString();
    }
}
