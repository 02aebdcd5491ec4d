package io.parley.api.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/teams. */
final class TeamWire {

    static final int NAME_MAX = 80;
    static final int MEMBERS_MAX = 200;
    private static final String MEMBER_IDS = "User ids of members who answer conversations (agent, admin or owner); "
            + "the team's whole set";

    private TeamWire() {
    }

    @Serdeable
    @Schema(name = "Team", description = "A named group of the tenant's members; conversations can be assigned to it")
    record TeamResponse(
            @Schema(requiredMode = REQUIRED, example = "01934f6e-8888-7c2d-9e3f-4a5b6c7d8e9f") String id,
            @Schema(requiredMode = REQUIRED, example = "LINE 客服") String name,
            @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "User ids, ordered"),
                    schema = @Schema(example = "01934f6e-2222-7c2d-9e3f-4a5b6c7d8e9f")) List<String> memberIds,
            @Schema(requiredMode = REQUIRED) Instant createdAt,
            @Schema(requiredMode = REQUIRED) Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "TeamCreate")
    record TeamCreate(
            @NotBlank @Size(max = NAME_MAX) @Schema(requiredMode = REQUIRED, description = "1 to 80 characters, "
                    + "unique in the tenant whatever the letter case", example = "LINE 客服") String name,
            @Nullable @Size(max = MEMBERS_MAX) @ArraySchema(arraySchema = @Schema(description = MEMBER_IDS),
                    maxItems = MEMBERS_MAX) List<String> memberIds) {
    }

    @Serdeable
    @Schema(name = "TeamPatch", description = "JSON Merge Patch: name and memberIds (neither removable)")
    record TeamPatch(
            @Nullable @Size(max = NAME_MAX) @Schema(description = "1 to 80 characters") String name,
            @Nullable @Size(max = MEMBERS_MAX) @ArraySchema(arraySchema = @Schema(description = MEMBER_IDS),
                    maxItems = MEMBERS_MAX) List<String> memberIds) {
    }
}
