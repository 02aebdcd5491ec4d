package io.parley.api.accesscode;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.accesscode.AccessCodeBatchRow;
import io.parley.core.accesscode.AccessCodeRow;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Request and response bodies of the access-code endpoints. Code texts appear only in {@link BatchCreated}. */
final class AccessCodeWire {

    static final int MAX_COUNT = 1000;
    static final int MAX_USES = 100_000;

    private AccessCodeWire() {
    }

    @Serdeable
    @Schema(name = "AccessCodeBatchRequest")
    record BatchRequest(
            @NotBlank @Size(max = 100) @Schema(description = "What the batch is for; a redeemed code's batch name is "
                    + "what an ask step's saveTo receives", example = "Class 3B") String name,
            @NotNull @Min(1) @Max(MAX_COUNT) @Schema(description = "How many codes (1-1000)", example = "30")
            Integer count,
            @Nullable @Min(1) @Max(MAX_USES) @Schema(description = "Redemptions each code allows, by different "
                    + "contacts (1-100000, default 1: single-use)", example = "1") Integer maxUses,
            @Nullable @Schema(description = "After this, the codes are refused (contacts who redeemed keep access)",
                    example = "2027-06-30T23:59:59Z") Instant expiresAt,
            @Nullable @Valid Grants grants) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AccessCodeGrants", description = "What redeeming a code of the batch sets on the contact")
    record Grants(@Nullable @Pattern(regexp = "[a-z0-9_-]{1,40}", message = "must be 1-40 of a-z, 0-9, _ or -")
                  @Schema(description = "The contact's new tier",
                          example = "student") String tier,
                  @Nullable @Schema(description = "Attributes set on the contact (text values)",
                          example = "{\"school\": \"North High\"}") Map<String, String> attributes) {
    }

    @Serdeable
    @Schema(name = "AccessCodeBatch")
    record Batch(@Schema(requiredMode = REQUIRED) String id,
                 @Schema(requiredMode = REQUIRED) String botId,
                 @Schema(requiredMode = REQUIRED, example = "Class 3B") String name,
                 @Schema(requiredMode = REQUIRED, example = "30") int count,
                 @Schema(requiredMode = REQUIRED, example = "1") int maxUses,
                 @Nullable Instant expiresAt,
                 @NotNull Grants grants, // not @Schema here: that would make a second schema
                 @Schema(requiredMode = REQUIRED, description = "Redemptions of the batch's codes so far") long uses,
                 @Schema(requiredMode = REQUIRED, description = "Codes of the batch revoked") long revokedCodes,
                 @Schema(requiredMode = REQUIRED) Instant createdAt,
                 @Nullable @Schema(description = "When the whole batch was revoked") Instant revokedAt) {

        static Batch of(AccessCodeBatchRow row, Map<String, String> attributes) {
            return new Batch(row.id().toString(), row.botId().toString(), row.name(), row.codeCount(), row.maxUses(),
                    row.expiresAt(), new Grants(row.grantTier(), attributes.isEmpty() ? null : attributes),
                    row.uses(), row.revokedCodes(), row.createdAt(), row.revokedAt());
        }
    }

    @Serdeable
    @Schema(name = "AccessCodeBatchCreated")
    record BatchCreated(@NotNull Batch batch,
                        @Schema(requiredMode = REQUIRED, description = "The codes, shown in this answer only (only "
                                + "their hashes are stored): hand them out or download them now",
                                example = "[\"K7QM-2XRT-94HP\"]") List<String> codes) {

        @Override
        public String toString() {
            return "BatchCreated[" + batch.id() + ", " + codes.size() + " codes]"; // never log the codes
        }
    }

    @Serdeable
    @Schema(name = "AccessCode", description = "One code; its text is never shown again after generation")
    record Code(@Schema(requiredMode = REQUIRED) String id,
                @Schema(requiredMode = REQUIRED) String batchId,
                @Schema(requiredMode = REQUIRED) int maxUses,
                @Schema(requiredMode = REQUIRED) int uses,
                @Nullable Instant expiresAt,
                @Nullable Instant revokedAt,
                @Schema(requiredMode = REQUIRED) Instant createdAt,
                @Schema(requiredMode = REQUIRED, allowableValues = {"active", "used_up", "expired", "revoked"})
                String status) {

        static Code of(AccessCodeRow row, Instant now) {
            String status = row.revokedAt() != null ? "revoked" : row.uses() >= row.maxUses() ? "used_up"
                    : row.expiresAt() != null && !row.expiresAt().isAfter(now) ? "expired" : "active";
            return new Code(row.id().toString(), row.batchId().toString(), row.maxUses(), row.uses(), row.expiresAt(),
                    row.revokedAt(), row.createdAt(), status);
        }
    }

    @Serdeable
    @Schema(name = "AccessCodeLookup")
    record Lookup(@NotBlank @Size(max = 100) @Schema(description = "A code as handed out (case, spaces and dashes "
            + "do not matter)", example = "K7QM-2XRT-94HP") String code) {

        @Override
        public String toString() {
            return "Lookup[…]"; // never log the code
        }
    }
}
