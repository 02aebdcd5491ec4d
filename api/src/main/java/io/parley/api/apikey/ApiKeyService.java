package io.parley.api.apikey;

import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.api.token.TenantBoundToken;
import io.parley.core.account.ApiKeyRepository;
import io.parley.core.account.ApiKeyRow;
import io.parley.core.audit.AuditLog;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;

/** Tenant API keys: created by admins, shown once, stored as a hash, revocable. */
@Singleton
final class ApiKeyService {

    private final TenantScope scope;
    private final ApiKeyRepository keys;
    private final AuditLog audit;

    ApiKeyService(TenantScope scope, ApiKeyRepository keys, AuditLog audit) {
        this.scope = scope;
        this.keys = keys;
        this.audit = audit;
    }

    ApiKeyWire.ApiKeyResponse create(Caller caller, ApiKeyWire.Create request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        UUID id = UUID.randomUUID(); // random, not time-ordered: the id leads the key, so prefixes must differ
        TenantBoundToken token = TenantBoundToken.generate(ApiKeyTokenValidator.PREFIX, id, tenant);
        return scope.write(tenant, () -> {
            keys.insert(tenant.value(), id, request.name().trim(), request.role(), token.displayPrefix(),
                    token.secretHash(), caller.user() == null ? null : caller.user().value());
            audit.record(tenant, caller.actor(), "api_key.created", "api_key", id.toString(),
                    Map.of("name", request.name().trim(), "role", request.role(), "prefix", token.displayPrefix()));
            ApiKeyRow row = keys.find(tenant.value(), id).orElseThrow();
            return new ApiKeyWire.ApiKeyResponse(row.id().toString(), row.name(), row.role(), row.prefix(),
                    row.createdAt(), null, null, token.encode());
        });
    }

    PageResponse<ApiKeyWire.ApiKeyResponse> list(Caller caller, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        return scope.read(tenant, () -> PageResponse.of(keys.page(tenant.value(), before, size + 1), size,
                ApiKeyWire.ApiKeyResponse::of, row -> row.id().toString()));
    }

    ApiKeyWire.ApiKeyResponse get(Caller caller, String keyId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.read(tenant, () -> ApiKeyWire.ApiKeyResponse.of(find(tenant, keyId)));
    }

    void revoke(Caller caller, String keyId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            ApiKeyRow key = find(tenant, keyId);
            if (keys.revoke(tenant.value(), key.id()) > 0) {
                audit.record(tenant, caller.actor(), "api_key.revoked", "api_key", key.id().toString(),
                        Map.of("name", key.name(), "prefix", key.prefix()));
            }
        });
    }

    private ApiKeyRow find(TenantId tenant, String keyId) {
        return Ids.parse(keyId).flatMap(id -> keys.find(tenant.value(), id))
                .orElseThrow(() -> ProblemException.notFound("API key"));
    }
}
