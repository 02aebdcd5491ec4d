package io.parley.api.contact.imports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * {@code parley.contacts.import.*}: {@code max-rows} data rows per file ({@code PARLEY_CONTACTS_IMPORT_MAX_ROWS},
 * default 100,000). The upload's size is bounded by {@code micronaut.server.multipart.max-file-size}
 * ({@code PARLEY_CONTACTS_IMPORT_MAX_BYTES}).
 */
@ConfigurationProperties("parley.contacts.import")
record ContactImportSettings(@Bindable(defaultValue = "100000") @Positive int maxRows) {
}
