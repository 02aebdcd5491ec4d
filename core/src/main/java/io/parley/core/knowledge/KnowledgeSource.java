package io.parley.core.knowledge;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A knowledge source as listed (without a file's bytes).
 *
 * @param kind   qa, file or url
 * @param status pending (waiting for its job), indexing, ready, failed (see {@code error})
 */
public record KnowledgeSource(UUID id, UUID botId, String kind, String title, @Nullable String question,
                              @Nullable String answer, @Nullable String fileName, @Nullable String mediaType,
                              @Nullable String url, long sizeBytes, String status, @Nullable String error,
                              int chunkCount, int generation, @Nullable Instant indexedAt, Instant createdAt,
                              Instant updatedAt) {

    @Override
    public String toString() {
        return "KnowledgeSource[" + id + ", " + kind + ", " + status + "]";
    }

    /** What the indexing job reads: the source and, for a file, its bytes. */
    public record Content(KnowledgeSource source, byte @Nullable [] bytes) {
    }
}
