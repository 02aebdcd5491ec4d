package io.parley.api.contact;

import io.micronaut.json.tree.JsonNode;
import io.parley.core.channel.ChannelType;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactTags;
import io.parley.core.contact.ExternalUserIds;
import io.parley.core.contact.InvalidAttributesException;
import io.parley.http.problem.ProblemException;

import java.util.List;

/** The checks of contact input that bean validation cannot express, as 400s naming the field. */
final class ContactWireChecks {

    private ContactWireChecks() {
    }

    static List<String> tags(List<String> tags) {
        try {
            return ContactTags.normalize(tags);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("tags", e.getMessage());
        }
    }

    static String externalUserId(ChannelType type, String raw) {
        try {
            return ExternalUserIds.normalize(type, raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("externalUserId", e.getMessage());
        }
    }

    /** New attributes (a merge into none) as JSON text. */
    static String attributes(ContactAttributes attributes, JsonNode given) {
        if (given == null || given.isNull()) {
            return "{}";
        }
        try {
            return attributes.merge("{}", given);
        } catch (InvalidAttributesException e) {
            throw ProblemException.invalidField(e.field(), e.reason());
        }
    }
}
