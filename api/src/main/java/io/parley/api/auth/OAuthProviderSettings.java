package io.parley.api.auth;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * One sign-in provider, {@code parley.oauth.providers.<id>} (docs/identity.md): {@code client-id} and
 * {@code client-secret} from the provider's console, and for an OpenID Connect provider its {@code issuer} (Google's
 * is preset for the id {@code google}). {@code type} is {@code oidc} (default) or {@code github} (the id
 * {@code github} defaults to it): GitHub speaks OAuth 2.0 without ID tokens, so the user and verified emails come from
 * its REST API at {@code api-url}. {@code display-name} labels the dashboard's button. The secret is never logged.
 */
@EachProperty("parley.oauth.providers")
public record OAuthProviderSettings(@Parameter String id, @Nullable String type, @Nullable String issuer,
                                    @Nullable String clientId, @Nullable String clientSecret,
                                    @Nullable String displayName, @Nullable String scopes,
                                    @Nullable String webUrl, @Nullable String apiUrl) {

    static final String GOOGLE_ISSUER = "https://accounts.google.com";

    boolean github() {
        return "github".equals(type == null ? (id.equals("github") ? "github" : "oidc") : type.toLowerCase(Locale.ROOT));
    }

    String issuerUrl() {
        String value = issuer != null && !issuer.isBlank() ? issuer : id.equals("google") ? GOOGLE_ISSUER : null;
        return value == null ? null : value.replaceAll("/+$", "");
    }

    String gitHubWebUrl() {
        return (webUrl == null || webUrl.isBlank() ? "https://github.com" : webUrl).replaceAll("/+$", "");
    }

    String gitHubApiUrl() {
        return (apiUrl == null || apiUrl.isBlank() ? "https://api.github.com" : apiUrl).replaceAll("/+$", "");
    }

    String scopeList() {
        if (scopes != null && !scopes.isBlank()) {
            return scopes.trim();
        }
        return github() ? "read:user user:email" : "openid email profile";
    }

    String label() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName.trim();
        }
        return switch (id) {
            case "google" -> "Google";
            case "github" -> "GitHub";
            default -> id;
        };
    }

    @Override
    public String toString() {
        return "OAuthProviderSettings[id=" + id + ", issuer=" + issuerUrl() + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "(none)" : "(set)") + "]";
    }
}
