package io.parley.api.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.account.ApiKeyRow;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

final class ApiKeyWire {

    private ApiKeyWire() {
    }

    @Serdeable
    @Schema(name = "CreateApiKeyRequest")
    record Create(@NotBlank @Size(max = 100) @Schema(example = "CRM sync") String name,
                  @NotBlank @Pattern(regexp = "admin|agent|viewer", message = "must be admin, agent or viewer")
                  @Schema(type = "string", example = "admin", allowableValues = {"admin", "agent", "viewer"}) String role) {
    }

    @Serdeable
    @Schema(name = "ApiKey")
    record ApiKeyResponse(String id, String name, String role,
                          @Schema(requiredMode = REQUIRED,
                                  description = "First characters of the key, to tell keys apart", example = "prly_AbCdEfGhI")
                          String prefix,
                          Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt,
                          @Nullable @Schema(description = "The secret key; returned only once, at creation") String key) {
        static ApiKeyResponse of(ApiKeyRow row) {
            return new ApiKeyResponse(row.id().toString(), row.name(), row.role(), row.prefix(), row.createdAt(),
                    row.lastUsedAt(), row.revokedAt(), null);
        }

        @Override
        public String toString() {
            return "ApiKeyResponse[" + id + ", " + prefix + "]";
        }
    }
}
