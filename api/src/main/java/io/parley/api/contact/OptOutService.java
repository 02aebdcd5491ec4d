package io.parley.api.contact;

import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.core.audit.AuditLog;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.contact.optout.OptOutKeywords;
import io.parley.core.contact.optout.OptOutRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The suppression list by hand (agents and above: a customer asked by phone) and the tenant's opt-out keywords
 * (admins). docs/contacts.md "Opt-out".
 */
@Singleton
final class OptOutService {

    private final TenantScope scope;
    private final ContactRepository contacts;
    private final OptOutRepository optOuts;
    private final OptOutKeywords keywords;
    private final ContactService contactService;
    private final AuditLog audit;
    private final JsonMapper json;

    OptOutService(TenantScope scope, ContactRepository contacts, OptOutRepository optOuts, OptOutKeywords keywords,
                  ContactService contactService, AuditLog audit, JsonMapper json) {
        this.scope = scope;
        this.contacts = contacts;
        this.optOuts = optOuts;
        this.keywords = keywords;
        this.contactService = contactService;
        this.audit = audit;
        this.json = json;
    }

    ContactWire.ContactResponse change(Caller caller, String contactId, OptOutWire.OptOutChange change, boolean out) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        UUID channelId = change == null || change.channelId() == null ? null : Ids.parse(change.channelId())
                .orElseThrow(() -> ProblemException.invalidField("channelId", "is not a channel id"));
        return scope.write(tenant, () -> {
            ContactRow contact = Ids.parse(contactId).flatMap(id -> contacts.find(tenant.value(), id))
                    .orElseThrow(() -> ProblemException.notFound("Contact"));
            if (channelId != null && contacts.identities(tenant.value(), List.of(contact.id())).stream()
                    .noneMatch(identity -> identity.channelId().equals(channelId))) {
                throw ProblemException.invalidField("channelId", "the contact has no identity on this channel");
            }
            int changed = out ? optOuts.addContact(tenant.value(), contact.id(), channelId)
                    : optOuts.removeContact(tenant.value(), contact.id(), channelId);
            if (changed > 0) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("channelId", channelId == null ? "all" : channelId.toString());
                details.put("identities", changed);
                audit.record(tenant, caller.actor(), out ? "contact.opted_out" : "contact.opted_in", "contact",
                        contact.id().toString(), details);
            }
            return contactService.withIdentities(tenant, contact);
        });
    }

    OptOutWire.OptOutSettingsResponse settings(Caller caller) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> response(tenant));
    }

    OptOutWire.OptOutSettingsResponse update(Caller caller, OptOutWire.OptOutSettingsPatch patch, MergePatch members) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        List<String> wanted = members.removes("keywords") ? null : patch.keywords() == null ? List.of()
                : checked(patch.keywords());
        return scope.write(tenant, () -> {
            if (wanted == null) {
                optOuts.clearKeywords(tenant.value());
            } else if (!wanted.isEmpty()) {
                optOuts.setKeywords(tenant.value(), write(wanted));
            } else {
                return response(tenant); // nothing sent: nothing changes
            }
            audit.record(tenant, caller.actor(), "opt_out.keywords_updated", "tenant", tenant.value().toString(),
                    Map.of("count", wanted == null ? 0 : wanted.size(), "defaults", wanted == null));
            return response(tenant);
        });
    }

    private OptOutWire.OptOutSettingsResponse response(TenantId tenant) {
        var custom = keywords.custom(tenant);
        return new OptOutWire.OptOutSettingsResponse(custom.orElseGet(() -> keywords.of(tenant)), custom.isPresent());
    }

    private static List<String> checked(List<String> given) {
        if (given.isEmpty() || given.size() > OptOutKeywords.MAX_KEYWORDS) {
            throw ProblemException.invalidField("keywords", "needs 1 to " + OptOutKeywords.MAX_KEYWORDS + " keywords");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String keyword : given) {
            String trimmed = keyword == null ? "" : keyword.strip();
            if (trimmed.isEmpty() || trimmed.length() > OptOutKeywords.MAX_KEYWORD_CHARS) {
                throw ProblemException.invalidField("keywords", "each keyword must be 1-"
                        + OptOutKeywords.MAX_KEYWORD_CHARS + " characters");
            }
            unique.add(trimmed);
        }
        return List.copyOf(unique);
    }

    private String write(List<String> list) {
        try {
            return json.writeValueAsString(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
