package io.parley.worker.knowledge;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.knowledge.Chunker;
import io.parley.core.knowledge.KnowledgeJob;
import io.parley.core.knowledge.KnowledgeSource;
import io.parley.core.knowledge.KnowledgeStore;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Indexes a knowledge source (job kind {@value KnowledgeJob#KIND}): reads its text — a Q&A pair as is, a file by its
 * media type, a web page fetched now — cuts it into chunks and replaces the source's chunks with them, or marks the
 * source failed with a reason members can act on (a document that cannot be read is not retried; a re-index is).
 *
 * <p>Conversations first: the job has a low priority (claimed after every waiting turn), at most
 * {@code indexing-concurrency} run at once per process (the others wait here holding no connection), and the slow
 * parts — parsing, fetching — happen outside any transaction. The chunks are written in short slices with pauses
 * between ({@link #store}); readers see the old chunks until the new ones are complete.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class KnowledgeIndexHandler implements JobHandler {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeIndexHandler.class);

    private final TenantScope scope;
    private final KnowledgeStore store;
    private final PageFetcher pages;
    private final KnowledgeConfig config;
    private final Semaphore slots;

    KnowledgeIndexHandler(TenantScope scope, KnowledgeStore store, PageFetcher pages, KnowledgeConfig config) {
        this.scope = scope;
        this.store = store;
        this.pages = pages;
        this.config = config;
        this.slots = new Semaphore(config.indexingConcurrency(), true);
    }

    @Override
    public String kind() {
        return KnowledgeJob.KIND;
    }

    @Override
    public void run(Job job) throws InterruptedException {
        KnowledgeJob.Args args = KnowledgeJob.args(job.argsJson())
                .orElseThrow(() -> new JobDiscard("unreadable arguments"));
        slots.acquire();
        try {
            index(job, args.sourceId(), args.generation());
        } catch (RuntimeException e) {
            if (job.attempt() >= job.maxAttempts()) { // the last attempt: the source must not stay "indexing"
                scope.writeVoid(job.tenant(), () -> store.fail(job.tenant().value(), args.sourceId(),
                        args.generation(), "Indexing failed; try to re-index it."));
            }
            throw e;
        } finally {
            slots.release();
        }
    }

    private void index(Job job, UUID sourceId, int generation) throws InterruptedException {
        UUID tenant = job.tenant().value();
        KnowledgeSource.Content content = scope.write(job.tenant(), () ->
                store.indexing(tenant, sourceId, generation) ? store.content(tenant, sourceId, generation).orElse(null)
                        : null);
        if (content == null) {
            return; // deleted, or re-indexed since: a newer job does the work
        }
        String title = null;
        List<Chunker.Chunk> chunks;
        try {
            KnowledgeSource source = content.source();
            chunks = switch (source.kind()) {
                case "qa" -> Chunker.chunk(source.answer()).stream()
                        .map(chunk -> new Chunker.Chunk(source.question(), chunk.text())).toList();
                case "file" -> Chunker.chunk(SourceText.extract(source.mediaType(), content.bytes()));
                case "url" -> {
                    SourceText.Page page = pages.fetch(source.url());
                    title = page.title().isBlank() ? null : clip(page.title(), 300);
                    yield Chunker.chunk(page.text());
                }
                default -> throw new SourceText.Unreadable("Unknown source kind " + source.kind() + ".");
            };
            if (chunks.isEmpty()) {
                throw new SourceText.Unreadable("No text was found in it.");
            }
            if (chunks.size() > config.maxChunks()) {
                throw new SourceText.Unreadable("It is too large: " + chunks.size() + " chunks, at most "
                        + config.maxChunks() + ".");
            }
        } catch (SourceText.Unreadable unreadable) {
            LOG.info("Knowledge source {} could not be indexed: {}", sourceId, unreadable.getMessage());
            scope.writeVoid(job.tenant(), () -> store.fail(tenant, sourceId, generation, unreadable.getMessage()));
            return;
        }
        store(job, sourceId, generation, title, chunks);
    }

    /**
     * Writes the chunks in slices of {@code indexing-slice}, each its own short transaction, pausing after each for
     * {@code indexing-pause-ratio} × the time the slice took, so indexing takes at most 1 / (1 + ratio) of a core and
     * of the database from conversations, and their transactions never queue behind one long one. A job that died
     * goes on after its last stored slice; searches see the new chunks only once all are stored (publish).
     */
    private void store(Job job, UUID sourceId, int generation, String title, List<Chunker.Chunk> chunks)
            throws InterruptedException {
        UUID tenant = job.tenant().value();
        KnowledgeStore.Progress progress = scope.write(job.tenant(), () ->
                store.startChunks(tenant, sourceId, generation)).orElse(null);
        int from = progress == null ? chunks.size() : Math.min(progress.stored(), chunks.size());
        while (progress != null && from < chunks.size()) {
            List<Chunker.Chunk> slice = chunks.subList(from, Math.min(chunks.size(), from + config.indexingSlice()));
            int at = from;
            long started = System.nanoTime();
            if (!scope.write(job.tenant(), () -> store.storeChunks(tenant, sourceId, generation, at, slice))) {
                progress = null; // re-indexed or deleted meanwhile
                break;
            }
            from += slice.size();
            if (from < chunks.size()) {
                pause(System.nanoTime() - started);
            }
        }
        boolean stored = progress != null && scope.write(job.tenant(), () ->
                store.publishChunks(tenant, sourceId, generation, title, chunks.size()));
        while (stored) { // the replaced chunks, in slices too
            long started = System.nanoTime();
            if (scope.write(job.tenant(), () -> store.deleteStaleChunks(tenant, sourceId, generation,
                    config.indexingSlice())) < config.indexingSlice()) {
                break;
            }
            pause(System.nanoTime() - started);
        }
        LOG.debug("Knowledge source {} generation {}: {} chunks{}", sourceId, generation, chunks.size(),
                stored ? "" : " (superseded, not stored)");
    }

    private void pause(long sliceNanos) throws InterruptedException {
        long nanos = (long) (sliceNanos * config.indexingPauseRatio());
        if (nanos > 0) {
            Thread.sleep(Duration.ofNanos(nanos));
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
