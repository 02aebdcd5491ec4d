package io.parley.api.contact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Text of a setup page in the tenant's words. A top-level record, so its schema is named {@code SetupText} without
 * {@code @Schema(name)}: micronaut-openapi copies a class's {@code @Schema} onto a record component that has
 * {@code @JsonProperty}, and with a {@code name} that became a bogus property the contract lint refuses.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Text in the tenant's words: English and/or Traditional Chinese")
record SetupText(@Nullable String en, @Nullable @JsonProperty("zh-Hant") String zhHant) {
}
