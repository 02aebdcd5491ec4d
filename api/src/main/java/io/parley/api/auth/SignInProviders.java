package io.parley.api.auth;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The providers the operator configured ({@code parley.oauth.providers.*}), checked at start-up. */
@Singleton
final class SignInProviders {

    private final Map<String, SignInProvider> byId = new LinkedHashMap<>();

    SignInProviders(List<OAuthProviderSettings> settings, ProviderHttp http) {
        settings.stream().sorted(java.util.Comparator.comparing(OAuthProviderSettings::id)).forEach(provider -> {
            String where = "parley.oauth.providers." + provider.id();
            if (!provider.id().matches("[a-z0-9-]{1,40}")) {
                throw new ConfigurationException(where + ": the id must be 1 to 40 lower-case letters, digits or '-'");
            }
            if (blank(provider.clientId()) || blank(provider.clientSecret())) {
                throw new ConfigurationException(where + ": client-id and client-secret are required");
            }
            if (!provider.github() && provider.issuerUrl() == null) {
                throw new ConfigurationException(where + ".issuer is required for an OpenID Connect provider");
            }
            byId.put(provider.id(), provider.github() ? new GitHubProvider(provider, http)
                    : new OidcProvider(provider, http));
        });
    }

    Optional<SignInProvider> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Collection<SignInProvider> all() {
        return byId.values();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
