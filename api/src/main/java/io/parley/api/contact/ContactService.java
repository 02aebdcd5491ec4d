package io.parley.api.contact;

import io.micronaut.context.annotation.Value;
import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactIdentityRow;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.contact.SetupLinkSigner;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Contacts of the caller's tenant: every member reads; agents and above edit them (inbox work) and create setup
 * links. Contacts themselves are created by the message pipeline ({@link ContactRepository#upsertByIdentity}).
 */
@Singleton
final class ContactService {

    static final int DEFAULT_LINK_MINUTES = 1440;
    private static final Pattern TIER = Pattern.compile("[a-z0-9_-]{1,40}");
    private static final int MAX_QUERY_CHARS = 200;

    private final TenantScope scope;
    private final ContactRepository contacts;
    private final ContactAttributes attributes;
    private final SetupLinkSigner signer;
    private final AuditLog audit;
    private final String publicUrl;

    ContactService(TenantScope scope, ContactRepository contacts, ContactAttributes attributes, SetupLinkSigner signer,
                   AuditLog audit, @Value("${parley.public-url}") String publicUrl) {
        this.scope = scope;
        this.contacts = contacts;
        this.attributes = attributes;
        this.signer = signer;
        this.audit = audit;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    PageResponse<ContactWire.ContactResponse> list(Caller caller, ContactFilter filter, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        String pattern = searchPattern(filter.q());
        if (filter.tier() != null && !TIER.matcher(filter.tier()).matches()) {
            throw ProblemException.invalidField("tier", "must be 1-40 of a-z, 0-9, _ or -");
        }
        UUID channelId = filter.channelId() == null ? null : Ids.parse(filter.channelId())
                .orElseThrow(() -> ProblemException.invalidField("channelId", "is not a channel id"));
        return scope.read(tenant, () -> {
            List<ContactRow> rows = contacts.page(tenant.value(), before, pattern, filter.tier(), filter.blocked(),
                    channelId, size + 1);
            Map<UUID, List<ContactIdentityRow>> identities = identitiesOf(tenant, rows);
            return PageResponse.of(rows, size, row -> toResponse(row, identities.getOrDefault(row.id(), List.of())),
                    row -> row.id().toString());
        });
    }

    ContactWire.ContactResponse get(Caller caller, String contactId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> withIdentities(tenant, find(tenant, contactId)));
    }

    ContactWire.ContactResponse update(Caller caller, String contactId, ContactWire.ContactPatch patch,
                                       MergePatch members) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        return scope.write(tenant, () -> {
            ContactRow current = Ids.parse(contactId).flatMap(id -> contacts.findForUpdate(tenant.value(), id))
                    .orElseThrow(ContactService::notFound);
            if (ContactMerge.changedFields(patch, members).isEmpty()) {
                return withIdentities(tenant, current); // nothing to write or audit
            }
            ContactRow row = ContactMerge.apply(current, patch, members, attributes);
            contacts.update(tenant.value(), row.id(), row.displayName(), row.attributes(), row.tier(), row.blocked(),
                    row.personaOverride());
            audit.record(tenant, caller.actor(), "contact.updated", "contact", row.id().toString(),
                    auditDetails(patch, members));
            return withIdentities(tenant, contacts.find(tenant.value(), row.id()).orElseThrow());
        });
    }

    ContactWire.SetupLinkResponse createSetupLink(Caller caller, String contactId, ContactWire.SetupLinkRequest request) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        int minutes = request == null || request.expiresInMinutes() == null ? DEFAULT_LINK_MINUTES
                : request.expiresInMinutes();
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.SECONDS);
        return scope.write(tenant, () -> {
            ContactRow contact = find(tenant, contactId);
            if (contact.blocked()) {
                throw ProblemException.conflict("This contact is blocked; unblock it before sending a setup link.");
            }
            String token = signer.sign(tenant, contact.id(), expiresAt);
            audit.record(tenant, caller.actor(), "contact.setup_link_created", "contact", contact.id().toString(),
                    Map.of("expiresAt", expiresAt.toString(), "expiresInMinutes", minutes));
            return new ContactWire.SetupLinkResponse(publicUrl + "/setup/" + token, token, expiresAt);
        });
    }

    /** What an audit entry says about a patch: field and attribute names, never their values. */
    static Map<String, Object> auditDetails(ContactWire.ContactPatch patch, MergePatch members) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fields", ContactMerge.changedFields(patch, members));
        if (patch.attributes() != null && !patch.attributes().isNull()) {
            details.put("attributeKeys", ContactAttributes.keys(patch.attributes()));
        }
        return details;
    }

    /** A case-insensitive substring pattern for ILIKE, with the client's wildcards taken literally. */
    static String searchPattern(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String trimmed = q.trim();
        if (trimmed.length() > MAX_QUERY_CHARS) {
            throw ProblemException.invalidField("q", "must be at most " + MAX_QUERY_CHARS + " characters");
        }
        String escaped = trimmed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private ContactRow find(TenantId tenant, String contactId) {
        return Ids.parse(contactId).flatMap(id -> contacts.find(tenant.value(), id))
                .orElseThrow(ContactService::notFound);
    }

    private ContactWire.ContactResponse withIdentities(TenantId tenant, ContactRow row) {
        return toResponse(row, contacts.identities(tenant.value(), List.of(row.id())));
    }

    private Map<UUID, List<ContactIdentityRow>> identitiesOf(TenantId tenant, List<ContactRow> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        return contacts.identities(tenant.value(), rows.stream().map(ContactRow::id).toList()).stream()
                .collect(Collectors.groupingBy(ContactIdentityRow::contactId));
    }

    private ContactWire.ContactResponse toResponse(ContactRow row, List<ContactIdentityRow> identities) {
        return new ContactWire.ContactResponse(row.id().toString(), row.displayName(), attributes.read(row.attributes()),
                row.tier(), row.blocked(), row.personaOverride(),
                identities.stream().map(identity -> new ContactWire.Identity(identity.channelId().toString(),
                        identity.channelType(), identity.externalUserId(), attributes.read(identity.profile()),
                        identity.following())).toList(),
                row.createdAt(), row.updatedAt(), row.lastSeenAt());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Contact");
    }

    /** The list filters; null = any. */
    record ContactFilter(String q, String tier, Boolean blocked, String channelId) {
    }
}
