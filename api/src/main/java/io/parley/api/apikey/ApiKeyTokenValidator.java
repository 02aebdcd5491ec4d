package io.parley.api.apikey;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import io.parley.api.caller.CredentialClaims;
import io.parley.api.token.TenantBoundToken;
import io.parley.core.account.ApiKeyRepository;
import io.parley.core.account.ApiKeyRow;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Accepts {@code Authorization: Bearer prly_…} tenant API keys. The key names its tenant, so the lookup runs inside
 * that tenant's RLS scope; the secret is compared in constant time against the stored SHA-256. Revoked keys fail.
 * JWTs are left to Micronaut's JWT validator (tokens without our prefix are ignored here).
 */
@Singleton
final class ApiKeyTokenValidator implements TokenValidator<HttpRequest<?>> {

    static final String PREFIX = "prly";

    private final TenantScope scope;
    private final ApiKeyRepository keys;
    private final ExecutorService blocking;

    ApiKeyTokenValidator(TenantScope scope, ApiKeyRepository keys,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.scope = scope;
        this.keys = keys;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        Optional<TenantBoundToken> parsed = TenantBoundToken.parse(PREFIX, token);
        if (parsed.isEmpty()) {
            return Publishers.empty();
        }
        // JDBC blocks: never on the event loop. A null result completes the publisher empty (key rejected).
        return Publishers.fromCompletableFuture(
                CompletableFuture.supplyAsync(() -> verify(parsed.get()).orElse(null), blocking));
    }

    private Optional<Authentication> verify(TenantBoundToken token) {
        return scope.write(token.tenant(), () -> {
            Optional<ApiKeyRow> row = keys.find(token.tenant().value(), token.id())
                    .filter(key -> key.revokedAt() == null && token.matches(key.secretHash()));
            row.ifPresent(key -> keys.touch(key.tenantId(), key.id()));
            return row.map(key -> Authentication.build("apikey:" + key.id(), Map.of(
                    CredentialClaims.TENANT, key.tenantId().toString(),
                    CredentialClaims.API_KEY_ID, key.id().toString(),
                    CredentialClaims.API_KEY_ROLE, key.role(),
                    CredentialClaims.API_KEY_NAME, key.name())));
        });
    }
}
