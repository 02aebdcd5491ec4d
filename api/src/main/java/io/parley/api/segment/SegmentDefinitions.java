package io.parley.api.segment;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactTags;
import io.parley.core.segment.SegmentDefinition;
import io.parley.core.tenancy.Ids;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks a segment definition from the wire and maps it to core's {@link SegmentDefinition} and back. */
@Singleton
final class SegmentDefinitions {

    private static final Pattern TIER = Pattern.compile("[a-z0-9_-]{1,40}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> TYPES = Set.of("line", "whatsapp", "telegram", "web");
    private static final Set<String> OPS = Set.of("equals", "notEquals", "exists", "missing");

    private final ContactRepository contacts;
    private final JsonMapper json;

    SegmentDefinitions(ContactRepository contacts, JsonMapper json) {
        this.contacts = contacts;
        this.json = json;
    }

    /** Inside the tenant's scope (channel ids must be the tenant's). */
    SegmentDefinition toCore(UUID tenant, SegmentWire.Definition d) {
        List<String> channelIds = null;
        if (d.channelIds() != null) {
            channelIds = new ArrayList<>();
            for (String id : d.channelIds()) {
                UUID channel = Ids.parse(id).filter(c -> contacts.channelType(tenant, c).isPresent())
                        .orElseThrow(() -> ProblemException.invalidField("definition.channelIds",
                                "is not a channel of this tenant"));
                channelIds.add(channel.toString());
            }
        }
        if (d.channelTypes() != null && !TYPES.containsAll(d.channelTypes())) {
            throw ProblemException.invalidField("definition.channelTypes", "must be line, whatsapp, telegram or web");
        }
        SegmentWire.Tags tags = d.tags();
        if (tags != null) {
            checkTags("definition.tags.any", tags.any());
            checkTags("definition.tags.all", tags.all());
            checkTags("definition.tags.none", tags.none());
        }
        if (d.tiers() != null && !d.tiers().stream().allMatch(tier -> tier != null && TIER.matcher(tier).matches())) {
            throw ProblemException.invalidField("definition.tiers", "must be 1-40 of a-z, 0-9, _ or -");
        }
        List<SegmentDefinition.AttributeCondition> attributes = null;
        if (d.attributes() != null) {
            attributes = new ArrayList<>();
            for (SegmentWire.AttributeCondition condition : d.attributes()) {
                attributes.add(attribute(condition));
            }
        }
        return new SegmentDefinition(channelIds, d.channelTypes(), tags == null ? null : tags.any(),
                tags == null ? null : tags.all(), tags == null ? null : tags.none(), d.tiers(), attributes,
                d.lastActiveWithinDays(), d.inactiveForDays(), d.following(), d.createdAfter(), d.createdBefore());
    }

    SegmentWire.Definition toWire(SegmentDefinition d) {
        SegmentWire.Tags tags = d.tagsAny() == null && d.tagsAll() == null && d.tagsNone() == null ? null
                : new SegmentWire.Tags(d.tagsAny(), d.tagsAll(), d.tagsNone());
        List<SegmentWire.AttributeCondition> attributes = d.attributes() == null ? null : d.attributes().stream()
                .map(a -> new SegmentWire.AttributeCondition(a.key(), a.op(),
                        a.valueJson() == null ? null : read(a.valueJson(), JsonNode.class))).toList();
        return new SegmentWire.Definition(d.channelIds(), d.channelTypes(), tags, d.tiers(), attributes,
                d.lastActiveWithinDays(), d.inactiveForDays(), d.following(), d.createdAfter(), d.createdBefore());
    }

    String write(SegmentDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SegmentDefinition read(String definition) {
        return read(definition, SegmentDefinition.class);
    }

    private SegmentDefinition.AttributeCondition attribute(SegmentWire.AttributeCondition condition) {
        if (!KEY.matcher(condition.key()).matches()) {
            throw ProblemException.invalidField("definition.attributes", "key '" + abbreviate(condition.key())
                    + "' must be 1-64 characters of A-Z, a-z, 0-9, _ or -");
        }
        if (!OPS.contains(condition.op())) {
            throw ProblemException.invalidField("definition.attributes", "op must be equals, notEquals, exists or "
                    + "missing");
        }
        boolean needsValue = condition.op().endsWith("quals");
        JsonNode value = condition.value();
        boolean scalar = value != null && (value.isString() || value.isNumber() || value.isBoolean());
        if (needsValue != scalar) {
            throw ProblemException.invalidField("definition.attributes", needsValue
                    ? "equals and notEquals need a string, number or boolean value"
                    : "exists and missing take no value");
        }
        try {
            return new SegmentDefinition.AttributeCondition(condition.key(), condition.op(),
                    scalar ? json.writeValueAsString(value) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkTags(String field, List<String> tags) {
        if (tags != null && !tags.stream().allMatch(ContactTags::valid)) {
            throw ProblemException.invalidField(field, "each tag must be " + ContactTags.RULE);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 70 ? text : text.substring(0, 70) + "…";
    }
}
