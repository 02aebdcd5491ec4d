package io.parley.api.contact;

import io.parley.core.bot.PersonaTemplate;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactRow;
import io.parley.core.contact.InvalidAttributesException;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemMessages;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a JSON Merge Patch (RFC 7396; from the API or the setup page) to a contact row: members left out keep
 * their value; null removes the display name, the persona override or all attributes, and puts the tier back to
 * {@value #DEFAULT_TIER}; "" also clears the display name or persona override; attributes merge key by key.
 * {@code blocked} cannot be removed. Also the checks bean validation cannot express. Tags are written on their own
 * ({@link #tags}).
 */
final class ContactMerge {

    /** Every contact has a tier; removing it (null) puts it back to the one new contacts get. */
    static final String DEFAULT_TIER = "free";

    private ContactMerge() {
    }

    static ContactRow apply(ContactRow base, ContactWire.ContactPatch patch, MergePatch members,
                            ContactAttributes attributes) {
        if (members.removes("blocked")) {
            throw ProblemException.invalidField("blocked", ProblemMessages.CANNOT_REMOVE);
        }
        if (patch.personaOverride() != null) {
            List<String> unknown = PersonaTemplate.unknownPlaceholders(patch.personaOverride(), false);
            if (!unknown.isEmpty()) {
                throw ProblemException.invalidField("personaOverride", "unknown placeholder {{" + unknown.get(0)
                        + "}}; use {{contact.displayName}}, {{contact.tier}}, {{contact.attributes.<key>}} or {{bot.name}}");
            }
        }
        String mergedAttributes = members.removes("attributes") ? "{}" : base.attributes();
        if (patch.attributes() != null && !patch.attributes().isNull()) {
            try {
                mergedAttributes = attributes.merge(base.attributes(), patch.attributes());
            } catch (InvalidAttributesException e) {
                throw ProblemException.invalidField(e.field(), e.reason());
            }
        }
        return new ContactRow(base.tenantId(), base.id(),
                members.removes("displayName") ? null
                        : text(patch.displayName() == null ? null : patch.displayName().trim(), base.displayName()),
                mergedAttributes,
                members.removes("tier") ? DEFAULT_TIER : patch.tier() != null ? patch.tier() : base.tier(),
                patch.blocked() != null ? patch.blocked() : base.blocked(),
                members.removes("personaOverride") ? null : text(patch.personaOverride(), base.personaOverride()),
                base.createdAt(), base.updatedAt(), base.lastSeenAt(), base.tags());
    }

    /** The tags a patch sets (null removes them all), or null when it leaves them as they are. */
    static List<String> tags(ContactWire.ContactPatch patch, MergePatch members) {
        if (members.removes("tags")) {
            return List.of();
        }
        return patch.tags() == null ? null : ContactWireChecks.tags(patch.tags());
    }

    /** The names of the fields a patch sends, null included (for the audit log; values may be personal data). */
    static List<String> changedFields(ContactWire.ContactPatch patch, MergePatch members) {
        List<String> fields = new ArrayList<>();
        if (patch.displayName() != null || members.has("displayName")) fields.add("displayName");
        if (patch.attributes() != null || members.has("attributes")) fields.add("attributes");
        if (patch.tier() != null || members.has("tier")) fields.add("tier");
        if (patch.blocked() != null || members.has("blocked")) fields.add("blocked");
        if (patch.personaOverride() != null || members.has("personaOverride")) fields.add("personaOverride");
        if (patch.tags() != null || members.has("tags")) fields.add("tags");
        return fields;
    }

    /** null keeps, "" (or blank) clears, anything else replaces. */
    private static String text(String requested, String current) {
        if (requested == null) {
            return current;
        }
        return requested.isBlank() ? null : requested;
    }
}
