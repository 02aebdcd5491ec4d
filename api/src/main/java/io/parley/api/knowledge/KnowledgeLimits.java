package io.parley.api.knowledge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * {@code parley.knowledge.*} on the api: {@code max-file-bytes} per uploaded file (PARLEY_KNOWLEDGE_MAX_FILE_BYTES,
 * default 10 MiB; the multipart limit {@code micronaut.server.multipart.max-file-size} must be at least as large) and
 * {@code max-sources-per-bot} (default 500).
 */
@ConfigurationProperties("parley.knowledge")
record KnowledgeLimits(@Bindable(defaultValue = "10485760") @Positive long maxFileBytes,
                       @Bindable(defaultValue = "500") @Positive int maxSourcesPerBot) {
}
