package io.parley.api.contact.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/contacts/imports. */
final class ContactImportWire {

    private ContactImportWire() {
    }

    @Serdeable
    @Schema(name = "ContactImportRowError", description = "Why a row of the file was not imported")
    record RowError(@Schema(requiredMode = REQUIRED, description = "Line in the file (the header is line 1)",
                            example = "7") int line,
                    @Schema(requiredMode = REQUIRED, example = "externalUserId") String field,
                    @Schema(requiredMode = REQUIRED, example = "must be a phone number in E.164 format, e.g. "
                            + "+886912345678") String message) {
    }

    @Serdeable
    @Schema(name = "ContactImportSampleRow", description = "A valid row as it will be imported")
    record SampleRow(@Schema(requiredMode = REQUIRED) int line,
                     @Schema(requiredMode = REQUIRED) String channelId,
                     @Schema(requiredMode = REQUIRED, description = "In its stored form (WhatsApp without +)",
                             example = "886912345678") String externalUserId,
                     @Nullable String displayName,
                     @Nullable String tier,
                     @Nullable @Schema(description = "null: the column is empty (an existing contact keeps its tags)")
                     List<String> tags,
                     @Schema(requiredMode = REQUIRED) Map<String, String> attributes) {
    }

    @Serdeable
    @Schema(name = "ContactImportPreview", description = "A dry run: what the file would import; nothing is stored")
    record Preview(@Schema(requiredMode = REQUIRED, description = "Data rows in the file") int totalRows,
                   @Schema(requiredMode = REQUIRED) int validRows,
                   @Schema(requiredMode = REQUIRED) int invalidRows,
                   @Schema(requiredMode = REQUIRED, description = "The first 100 row errors") List<RowError> errors,
                   @Schema(requiredMode = REQUIRED, description = "The first 10 valid rows") List<SampleRow> sample) {
    }

    @Serdeable
    @Schema(name = "ContactImport", description = "An import and its progress")
    record ImportResponse(
            @Schema(requiredMode = REQUIRED, example = "01934f6e-8a1b-7c2d-9e3f-4a5b6c7d8e9f") String id,
            @Schema(requiredMode = REQUIRED, type = "string",
                    allowableValues = {"queued", "running", "completed", "failed"}) String state,
            @Nullable @Schema(example = "customers.csv") String fileName,
            @Schema(requiredMode = REQUIRED, description = "Data rows in the file") int totalRows,
            @Schema(requiredMode = REQUIRED, description = "Valid rows, one per channel identity (a later row for "
                    + "the same identity replaces an earlier one)") int validRows,
            @Schema(requiredMode = REQUIRED, description = "Valid rows done so far (progress: processedRows / "
                    + "validRows)") int processedRows,
            @Schema(requiredMode = REQUIRED) int createdCount,
            @Schema(requiredMode = REQUIRED) int updatedCount,
            @Schema(requiredMode = REQUIRED, description = "Invalid rows and rows the job could not apply")
            int failedRows,
            @Schema(requiredMode = REQUIRED, description = "The first 100 row errors") List<RowError> errors,
            @Schema(requiredMode = REQUIRED) Instant createdAt,
            @Nullable Instant finishedAt) {
    }
}
