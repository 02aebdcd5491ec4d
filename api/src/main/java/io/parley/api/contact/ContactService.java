package io.parley.api.contact;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactIdentityRow;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.contact.ContactTags;
import io.parley.core.contact.SetupLinkSigner;
import io.parley.core.channel.ChannelType;
import io.parley.core.contact.optout.OptOutRepository;
import io.parley.core.contact.optout.OptOutRow;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.trigger.ProactiveTriggers;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Contacts of the caller's tenant: every member reads; agents and above create them, edit them (inbox work) and
 * create setup links. Most contacts are created by the message pipeline ({@link ContactRepository#upsertByIdentity}),
 * the others here or by an import (ContactImportService).
 */
@Singleton
final class ContactService {

    static final int DEFAULT_LINK_MINUTES = 1440;
    private static final Pattern TIER = Pattern.compile("[a-z0-9_-]{1,40}");
    private static final int MAX_QUERY_CHARS = 200;

    private final TenantScope scope;
    private final ProactiveTriggers triggers;
    private final ContactRepository contacts;
    private final ContactAttributes attributes;
    private final SetupLinkSigner signer;
    private final AuditLog audit;
    private final OptOutRepository optOuts;
    private final JsonMapper json;
    private final String publicUrl;

    ContactService(TenantScope scope, ContactRepository contacts, ContactAttributes attributes, SetupLinkSigner signer,
                   AuditLog audit, OptOutRepository optOuts, JsonMapper json,
                   @Value("${parley.public-url}") String publicUrl, ProactiveTriggers triggers) {
        this.triggers = triggers;
        this.scope = scope;
        this.optOuts = optOuts;
        this.json = json;
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
        if (filter.tag() != null && !ContactTags.valid(filter.tag())) {
            throw ProblemException.invalidField("tag", "each tag must be " + ContactTags.RULE);
        }
        UUID channelId = filter.channelId() == null ? null : Ids.parse(filter.channelId())
                .orElseThrow(() -> ProblemException.invalidField("channelId", "is not a channel id"));
        return scope.read(tenant, () -> {
            List<ContactRow> rows = contacts.page(tenant.value(), before, pattern, filter.tier(), filter.blocked(),
                    filter.tag(), channelId, size + 1);
            Map<UUID, List<ContactIdentityRow>> identities = identitiesOf(tenant, rows);
            Map<String, OptOutRow> suppressed = optOutsOf(tenant, rows.stream().map(ContactRow::id).toList());
            return PageResponse.of(rows, size,
                    row -> toResponse(row, identities.getOrDefault(row.id(), List.of()), suppressed),
                    row -> row.id().toString());
        });
    }

    ContactWire.ContactResponse get(Caller caller, String contactId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> withIdentities(tenant, find(tenant, contactId)));
    }

    ContactWire.ContactResponse create(Caller caller, ContactWire.ContactCreate request) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        UUID channelId = Ids.parse(request.channelId())
                .orElseThrow(() -> ProblemException.invalidField("channelId", "is not a channel id"));
        List<String> tags = request.tags() == null ? List.of() : ContactWireChecks.tags(request.tags());
        String attributeJson = ContactWireChecks.attributes(attributes, request.attributes());
        String name = request.displayName() == null || request.displayName().isBlank() ? null
                : request.displayName().trim();
        return scope.write(tenant, () -> {
            ChannelType type = contacts.channelType(tenant.value(), channelId).flatMap(ChannelType::fromWire)
                    .orElseThrow(() -> ProblemException.notFound("Channel"));
            String externalUserId = ContactWireChecks.externalUserId(type, request.externalUserId());
            ContactRow row = contacts.addWithIdentity(tenant.value(), Ids.next(), Ids.next(), channelId,
                    externalUserId, name, attributeJson,
                    request.tier() == null ? ContactMerge.DEFAULT_TIER : request.tier(), write(tags))
                    .stream().findFirst().orElseThrow(() -> ProblemException.conflict(
                            "A contact with this user id exists on this channel already: " + contacts.findByIdentity(tenant.value(), channelId, externalUserId)
                            .map(existing -> existing.id().toString()).orElse("?") + "."));
            triggers.contactsCreated(tenant, List.of(row.id())); // contact_created flows (docs/flows.md)
            audit.record(tenant, caller.actor(), "contact.created", "contact", row.id().toString(),
                    Map.of("channelId", channelId.toString(), "attributeKeys",
                            request.attributes() == null ? List.of() : ContactAttributes.keys(request.attributes())));
            return withIdentities(tenant, row);
        });
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
            List<String> tags = ContactMerge.tags(patch, members);
            if (tags != null) {
                contacts.setTags(tenant.value(), row.id(), write(tags));
            }
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

    ContactWire.ContactResponse withIdentities(TenantId tenant, ContactRow row) {
        return toResponse(row, contacts.identities(tenant.value(), List.of(row.id())),
                optOutsOf(tenant, List.of(row.id())));
    }

    /** The suppression entries of some contacts' identities, by {@link #identityKey}. */
    private Map<String, OptOutRow> optOutsOf(TenantId tenant, List<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        return optOuts.ofContacts(tenant.value(), contactIds).stream()
                .collect(Collectors.toMap(o -> identityKey(o.channelId(), o.externalUserId()), o -> o, (a, b) -> a));
    }

    private static String identityKey(UUID channelId, String externalUserId) {
        return channelId + "/" + externalUserId;
    }

    private String write(List<String> tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> readTags(String tags) {
        try {
            List<String> list = json.readValue(tags == null ? "[]" : tags, Argument.listOf(String.class));
            return list == null ? List.of() : list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<UUID, List<ContactIdentityRow>> identitiesOf(TenantId tenant, List<ContactRow> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        return contacts.identities(tenant.value(), rows.stream().map(ContactRow::id).toList()).stream()
                .collect(Collectors.groupingBy(ContactIdentityRow::contactId));
    }

    private ContactWire.ContactResponse toResponse(ContactRow row, List<ContactIdentityRow> identities,
                                                   Map<String, OptOutRow> suppressed) {
        return new ContactWire.ContactResponse(row.id().toString(), row.displayName(), attributes.read(row.attributes()),
                row.tier(), row.blocked(), row.personaOverride(), readTags(row.tags()),
                identities.stream().map(identity -> {
                    OptOutRow optOut = suppressed.get(identityKey(identity.channelId(), identity.externalUserId()));
                    return new ContactWire.Identity(identity.channelId().toString(), identity.channelType(),
                            identity.externalUserId(), attributes.read(identity.profile()), identity.following(),
                            optOut != null, optOut == null ? null : optOut.source());
                }).toList(),
                row.createdAt(), row.updatedAt(), row.lastSeenAt());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Contact");
    }

    /** The list filters; null = any. */
    record ContactFilter(String q, String tier, Boolean blocked, String tag, String channelId) {
    }
}
