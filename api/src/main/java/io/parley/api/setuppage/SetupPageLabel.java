package io.parley.api.setuppage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.setuppage.SetupPageSettings;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A label in English and/or Traditional Chinese. A top-level record, so its schema is named {@code SetupPageLabel}
 * without {@code @Schema(name)}: micronaut-openapi copies a class's {@code @Schema} onto a record component that has
 * {@code @JsonProperty}, and with a {@code name} that became a bogus property the contract lint refuses.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Text in English and/or Traditional Chinese (at least one); the page shows the one matching "
        + "the contact's language, else the other")
record SetupPageLabel(@Nullable @Schema(example = "Star sign") String en,
                      @Nullable @JsonProperty("zh-Hant") @Schema(example = "星座") String zhHant) {

    @Nullable
    static SetupPageLabel of(@Nullable SetupPageSettings.Label label) {
        return label == null ? null : new SetupPageLabel(label.en(), label.zhHant());
    }
}
