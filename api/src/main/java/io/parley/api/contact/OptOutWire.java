package io.parley.api.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of the suppression list and the opt-out keywords. */
final class OptOutWire {

    private OptOutWire() {
    }

    @Serdeable
    @Schema(name = "OptOutChange", description = "Which of the contact's identities: one channel, or all of them "
            + "when channelId is left out.")
    record OptOutChange(@Nullable @Schema(example = "01934f6e-1111-7c2d-9e3f-4a5b6c7d8e9f") String channelId) {
    }

    @Serdeable
    @Schema(name = "OptOutSettings")
    record OptOutSettingsResponse(
            @Schema(requiredMode = REQUIRED, description = "A text that is one of these (ignoring case, spaces, "
                    + "punctuation and full-width forms) puts its sender on the suppression list",
                    example = "[\"STOP\", \"UNSUBSCRIBE\", \"退訂\"]") List<String> keywords,
            @Schema(requiredMode = REQUIRED, description = "False while the platform's default keywords apply")
            boolean custom) {
    }

    @Serdeable
    @Schema(name = "OptOutSettingsPatch", description = "JSON Merge Patch; keywords: null goes back to the defaults.")
    record OptOutSettingsPatch(
            @Nullable @Schema(description = "1 to 20 keywords of 1-40 characters; replaces the list",
                    example = "[\"STOP\", \"取消訂閱\"]") List<String> keywords) {
    }
}
