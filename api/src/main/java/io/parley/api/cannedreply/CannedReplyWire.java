package io.parley.api.cannedreply;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/canned-replies. */
final class CannedReplyWire {

    static final String SHORTCUT = "^[a-z0-9][a-z0-9_-]{0,31}$";
    static final String SHORTCUT_RULE = "must be 1 to 32 lower-case letters, digits, _ or -, starting with a letter "
            + "or digit";

    private CannedReplyWire() {
    }

    @Serdeable
    @Schema(name = "CannedReply", description = "A saved answer, inserted in the inbox by typing /shortcut")
    record CannedReplyResponse(
            @Schema(requiredMode = REQUIRED, example = "01934f6e-7777-7c2d-9e3f-4a5b6c7d8e9f") String id,
            @Schema(requiredMode = REQUIRED, example = "hours") String shortcut,
            @Schema(requiredMode = REQUIRED, example = "我們的營業時間是週一至週五 9:00–18:00。") String text,
            @Schema(requiredMode = REQUIRED) Instant createdAt,
            @Schema(requiredMode = REQUIRED) Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "CannedReplyCreate")
    record CannedReplyCreate(
            @NotBlank @Schema(requiredMode = REQUIRED, description = SHORTCUT_RULE, pattern = SHORTCUT,
                    example = "hours") String shortcut,
            @NotBlank @Size(max = 4096) @Schema(requiredMode = REQUIRED, description = "1 to 4096 characters",
                    example = "我們的營業時間是週一至週五 9:00–18:00。") String text) {
    }

    @Serdeable
    @Schema(name = "CannedReplyPatch", description = "JSON Merge Patch: shortcut and text (neither removable)")
    record CannedReplyPatch(
            @Nullable @Schema(description = SHORTCUT_RULE, pattern = SHORTCUT, example = "hours") String shortcut,
            @Nullable @Size(max = 4096) @Schema(description = "1 to 4096 characters") String text) {
    }
}
