package io.parley.api.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthProviderSettingsTest {

    private static OAuthProviderSettings provider(String id, String type, String issuer, String scopes) {
        return new OAuthProviderSettings(id, type, issuer, "client", "secret", null, scopes, null, null);
    }

    @Test
    void googleNeedsNoIssuerAndOtherOidcProvidersKeepTheirsWithoutTrailingSlash() {
        assertThat(provider("google", null, null, null).issuerUrl()).isEqualTo("https://accounts.google.com");
        assertThat(provider("acme", null, "https://login.acme.example/realm/", null).issuerUrl())
                .isEqualTo("https://login.acme.example/realm");
        assertThat(provider("acme", null, null, null).issuerUrl()).isNull();
    }

    @Test
    void theIdGithubIsAGitHubProviderUnlessTheTypeSaysOtherwise() {
        assertThat(provider("github", null, null, null).github()).isTrue();
        assertThat(provider("ghe", "github", null, null).github()).isTrue();
        assertThat(provider("github", "oidc", "https://x.example", null).github()).isFalse();
        assertThat(provider("google", null, null, null).github()).isFalse();
    }

    @Test
    void scopesDefaultPerKindAndCanBeSet() {
        assertThat(provider("google", null, null, null).scopeList()).isEqualTo("openid email profile");
        assertThat(provider("github", null, null, null).scopeList()).isEqualTo("read:user user:email");
        assertThat(provider("acme", null, "https://x.example", "openid email groups").scopeList())
                .isEqualTo("openid email groups");
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertThat(provider("google", null, null, null).toString()).doesNotContain("secret").contains("(set)");
    }
}
