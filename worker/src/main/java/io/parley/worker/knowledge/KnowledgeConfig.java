package io.parley.worker.knowledge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * {@code parley.knowledge.*} on the worker (docs/configuration.md): indexing and fetching web pages.
 *
 * @param indexingConcurrency   indexing jobs one worker process runs at once (more wait, holding no connection),
 *                              so parsing a large document takes at most this many cores from conversations
 * @param indexingSlice         chunks written per transaction by an indexing job
 * @param indexingPauseRatio    after each slice the job sleeps this many times as long as the slice took: indexing
 *                              then takes at most 1 / (1 + ratio) of a core and of the database's time
 * @param maxChunks             a source cut into more chunks fails ("too large") instead of filling the database
 * @param fetchTimeout          a web page's whole download, connection included
 * @param maxPageBytes          a web page larger than this fails
 * @param maxRedirects          redirects followed (each checked like the first address)
 * @param allowPrivateAddresses lets pages be fetched from loopback and private networks: for tests and
 *                              single-tenant installs only, never on a shared platform (SSRF)
 */
@ConfigurationProperties("parley.knowledge")
public record KnowledgeConfig(
        @Bindable(defaultValue = "1") @Min(1) @Max(16) int indexingConcurrency,
        @Bindable(defaultValue = "100") @Min(1) @Max(5000) int indexingSlice,
        @Bindable(defaultValue = "2") @Min(0) @Max(100) double indexingPauseRatio,
        @Bindable(defaultValue = "20000") @Positive int maxChunks,
        @Bindable(defaultValue = "10s") @NotNull Duration fetchTimeout,
        @Bindable(defaultValue = "2097152") @Positive long maxPageBytes,
        @Bindable(defaultValue = "3") @Min(0) @Max(10) int maxRedirects,
        @Bindable(defaultValue = "false") boolean allowPrivateAddresses) {
}
