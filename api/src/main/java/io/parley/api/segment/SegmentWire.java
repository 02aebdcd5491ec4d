package io.parley.api.segment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/segments. */
final class SegmentWire {

    private SegmentWire() {
    }

    @Serdeable
    @Schema(name = "SegmentDefinition", description = "Every condition given must hold; one left out holds for "
            + "everyone. Blocked contacts and test-chat contacts are never in a segment.")
    record Definition(
            @Nullable @Size(max = 50) @Schema(description = "Has an identity on one of these channels")
            List<String> channelIds,
            @Nullable @Size(max = 4) @Schema(description = "Has an identity on a channel of one of these types",
                    example = "[\"whatsapp\"]") List<String> channelTypes,
            @Nullable @Valid Tags tags,
            @Nullable @Size(max = 50) @Schema(example = "[\"premium\"]") List<String> tiers,
            @Nullable @Size(max = 20) @Valid List<AttributeCondition> attributes,
            @Nullable @Min(1) @Max(3650) @Schema(description = "Wrote within this many days") Integer lastActiveWithinDays,
            @Nullable @Min(1) @Max(3650) @Schema(description = "Has not written for this many days (a contact that "
                    + "never wrote: created that long ago)") Integer inactiveForDays,
            @Nullable @Schema(description = "Has an identity (on the channels above, if given) that follows the bot "
                    + "(true) or none (false)") Boolean following,
            @Nullable Instant createdAfter,
            @Nullable Instant createdBefore) {
    }

    @Serdeable
    @Schema(name = "SegmentTags")
    record Tags(@Nullable @Size(max = 50) @Schema(description = "Has at least one of these", example = "[\"vip\"]")
                List<String> any,
                @Nullable @Size(max = 50) @Schema(description = "Has all of these") List<String> all,
                @Nullable @Size(max = 50) @Schema(description = "Has none of these") List<String> none) {
    }

    @Serdeable
    @Schema(name = "SegmentAttributeCondition")
    record AttributeCondition(
            @NotBlank @Schema(requiredMode = REQUIRED, example = "city") String key,
            @NotBlank @Schema(requiredMode = REQUIRED, type = "string",
                    allowableValues = {"equals", "notEquals", "exists", "missing"}) String op,
            @Nullable @Schema(description = "For equals and notEquals: a string, number or boolean",
                    types = {"string", "number", "boolean"}, example = "Taipei") JsonNode value) {
    }

    @Serdeable
    @Schema(name = "SegmentCreate")
    record SegmentCreate(@NotBlank @Size(max = 100) @Schema(requiredMode = REQUIRED, example = "VIPs in Taipei")
                         String name,
                         @NotNull @Valid Definition definition) {
    }

    @Serdeable
    @Schema(name = "SegmentPatch", description = "JSON Merge Patch; definition is replaced whole.")
    record SegmentPatch(@Nullable @Size(min = 1, max = 100) String name, @Nullable @Valid Definition definition) {
    }

    @Serdeable
    @Schema(name = "SegmentPreviewRequest")
    record PreviewRequest(@NotNull @Valid Definition definition) {
    }

    @Serdeable
    @Schema(name = "Segment")
    record SegmentResponse(@Schema(requiredMode = REQUIRED) String id,
                           @Schema(requiredMode = REQUIRED) String name,
                           Definition definition,
                           @Schema(requiredMode = REQUIRED) Instant createdAt,
                           @Schema(requiredMode = REQUIRED) Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "SegmentPreview", description = "Who is in the segment now")
    record Preview(@Schema(requiredMode = REQUIRED, description = "Contacts matching the definition") long matching,
                   @Schema(requiredMode = REQUIRED, description = "Of those, contacts a broadcast can reach: an "
                           + "identity (on the segment's channels) that follows the bot and is not opted out")
                   long reachable,
                   @Schema(requiredMode = REQUIRED, description = "The newest 10") List<SampleContact> sample) {
    }

    @Serdeable
    @Schema(name = "SegmentSampleContact")
    record SampleContact(@Schema(requiredMode = REQUIRED) String id, @Nullable String displayName,
                         @Schema(requiredMode = REQUIRED) String tier,
                         @Schema(requiredMode = REQUIRED) List<String> tags) {
    }
}
