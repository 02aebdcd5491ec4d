package io.parley.api.contact;

import io.parley.core.bot.PersonaTemplate;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactRow;
import io.parley.core.contact.InvalidAttributesException;
import io.parley.http.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a patch (from the API or the setup page) to a contact row: absent fields keep their value, "" clears the
 * display name or persona override, attributes are merge-patched. Also the checks bean validation cannot express.
 */
final class ContactMerge {

    private ContactMerge() {
    }

    static ContactRow apply(ContactRow base, ContactWire.ContactPatch patch, ContactAttributes attributes) {
        if (patch.personaOverride() != null) {
            List<String> unknown = PersonaTemplate.unknownPlaceholders(patch.personaOverride(), false);
            if (!unknown.isEmpty()) {
                throw ProblemException.invalidField("personaOverride", "unknown placeholder {{" + unknown.get(0)
                        + "}}; use {{contact.displayName}}, {{contact.tier}}, {{contact.attributes.<key>}} or {{bot.name}}");
            }
        }
        String mergedAttributes = base.attributes();
        if (patch.attributes() != null && !patch.attributes().isNull()) {
            try {
                mergedAttributes = attributes.merge(base.attributes(), patch.attributes());
            } catch (InvalidAttributesException e) {
                throw ProblemException.invalidField(e.field(), e.reason());
            }
        }
        return new ContactRow(base.tenantId(), base.id(),
                text(patch.displayName() == null ? null : patch.displayName().trim(), base.displayName()),
                mergedAttributes,
                patch.tier() != null ? patch.tier() : base.tier(),
                patch.blocked() != null ? patch.blocked() : base.blocked(),
                text(patch.personaOverride(), base.personaOverride()),
                base.createdAt(), base.updatedAt(), base.lastSeenAt());
    }

    /** The names of the fields a patch sends (for the audit log; values may be personal data). */
    static List<String> changedFields(ContactWire.ContactPatch patch) {
        List<String> fields = new ArrayList<>();
        if (patch.displayName() != null) fields.add("displayName");
        if (patch.attributes() != null && !patch.attributes().isNull()) fields.add("attributes");
        if (patch.tier() != null) fields.add("tier");
        if (patch.blocked() != null) fields.add("blocked");
        if (patch.personaOverride() != null) fields.add("personaOverride");
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
