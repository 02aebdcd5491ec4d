package io.parley.api.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Wire types of the tenant's privacy settings. */
final class PrivacySettingsWire {

    private PrivacySettingsWire() {
    }

    @Serdeable
    @Schema(name = "PrivacySettings")
    record PrivacySettingsResponse(
            @Nullable @Schema(description = "Messages older than this many days are deleted (within about an hour); "
                    + "null keeps them", example = "365") Integer messageRetentionDays) {
    }

    @Serdeable
    @Schema(name = "PrivacySettingsPatch", description = "JSON Merge Patch; messageRetentionDays: null keeps messages.")
    record PrivacySettingsPatch(
            @Nullable @Min(1) @Max(3650) @Schema(description = "1 to 3650", example = "365")
            Integer messageRetentionDays) {
    }
}
