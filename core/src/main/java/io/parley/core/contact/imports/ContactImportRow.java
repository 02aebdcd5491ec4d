package io.parley.core.contact.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A CSV import (V90). {@code errors} is the JSON text of its row errors ({@code [{line, field, message}]}, at most
 * {@link ContactImportRepository#MAX_ERRORS}); {@code validRows} the rows staged for the job (one per identity).
 */
@MappedEntity("contact_imports")
public record ContactImportRow(UUID tenantId, @Id UUID id, String state, @Nullable String fileName, int totalRows,
                               int validRows, int invalidRows, int processedRows, int cursorSeq, int createdCount,
                               int updatedCount,
                               String errors, Instant createdAt, @Nullable Instant finishedAt) {
}
