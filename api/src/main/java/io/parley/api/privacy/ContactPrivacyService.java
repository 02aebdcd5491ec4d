package io.parley.api.privacy;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.core.audit.AuditLog;
import io.parley.core.privacy.ContactErasure;
import io.parley.core.privacy.ContactExportRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Erasing and exporting one contact: owners and admins only, both audited (docs/privacy.md). */
@Singleton
final class ContactPrivacyService {

    private final TenantScope scope;
    private final ContactErasure erasure;
    private final ContactExportRepository exports;
    private final AuditLog audit;
    private final JsonMapper json;

    ContactPrivacyService(TenantScope scope, ContactErasure erasure, ContactExportRepository exports, AuditLog audit,
                          JsonMapper json) {
        this.scope = scope;
        this.erasure = erasure;
        this.exports = exports;
        this.audit = audit;
        this.json = json;
    }

    void erase(Caller caller, String contactId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        UUID id = parse(contactId);
        scope.writeVoid(tenant, () -> {
            Map<String, Integer> counts = erasure.erase(tenant, id);
            if (counts.isEmpty()) {
                throw notFound();
            }
            audit.record(tenant, caller.actor(), "contact.erased", "contact", contactId, counts);
        });
    }

    ContactExportWire export(Caller caller, String contactId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        UUID id = parse(contactId);
        String document = scope.write(tenant, () -> {
            String found = exports.export(tenant.value(), id).orElseThrow(ContactPrivacyService::notFound);
            audit.record(tenant, caller.actor(), "contact.exported", "contact", contactId, Map.of());
            return found;
        });
        try {
            return ContactExportWire.of(Instant.now(), json.readValue(document, Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID parse(String contactId) {
        return Ids.parse(contactId).orElseThrow(ContactPrivacyService::notFound);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Contact");
    }
}
