package io.parley.api.analytics;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.micronaut.json.JsonMapper;
import io.parley.core.analytics.AnalyticsRange;
import io.parley.core.analytics.MessageExportQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A message export as a stream of 64 KiB chunks: a virtual thread reads the rows ({@link MessageExportQuery}) into
 * a queue of a few chunks; the response takes chunks as the client reads them, so memory stays bounded however
 * large the range, and a client that goes away stops the query.
 */
final class MessageExportStream {

    private static final Logger LOG = LoggerFactory.getLogger(MessageExportStream.class);
    private static final int CHUNK = 64 * 1024;
    private static final byte[] END = new byte[0];
    static final List<String> COLUMNS = List.of("messageId", "conversationId", "botId", "channelId", "contactId",
            "createdAt", "direction", "sender", "type", "text", "status", "statusDetail");

    private MessageExportStream() {
    }

    static Flux<byte[]> of(MessageExportQuery query, AnalyticsRange range, boolean csv, JsonMapper json) {
        BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(8);
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread.ofVirtual().name("message-export").start(() -> produce(query, range, csv, json, chunks, cancelled));
        return Flux.<byte[]>generate(sink -> {
            try {
                byte[] chunk = chunks.take();
                if (chunk == END) {
                    sink.complete();
                } else {
                    sink.next(chunk);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sink.error(e);
            }
        }).subscribeOn(Schedulers.boundedElastic()).doFinally(signal -> cancelled.set(true));
    }

    private static void produce(MessageExportQuery query, AnalyticsRange range, boolean csv, JsonMapper json,
                                BlockingQueue<byte[]> chunks, AtomicBoolean cancelled) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 4096);
        CsvSchema.Builder builder = CsvSchema.builder();
        COLUMNS.forEach(builder::addColumn);
        var rowWriter = new CsvMapper().writer(builder.build().withoutHeader());
        try {
            if (csv) {
                buffer.write(new CsvMapper().writer(builder.build().withHeader()).writeValueAsBytes(List.of()));
            }
            query.stream(range, row -> {
                if (cancelled.get()) {
                    throw new Cancelled();
                }
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("messageId", row.messageId().toString());
                values.put("conversationId", row.conversationId().toString());
                values.put("botId", row.botId().toString());
                values.put("channelId", row.channelId().toString());
                values.put("contactId", row.contactId().toString());
                values.put("createdAt", OffsetDateTime.ofInstant(row.createdAt(), range.zone()).toString());
                values.put("direction", row.direction());
                values.put("sender", row.sender());
                values.put("type", row.type());
                values.put("text", row.text());
                values.put("status", row.status());
                values.put("statusDetail", row.statusDetail());
                try {
                    if (csv) {
                        buffer.write(rowWriter.writeValueAsBytes(values));
                    } else {
                        buffer.write(json.writeValueAsBytes(values));
                        buffer.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (buffer.size() >= CHUNK) {
                    put(chunks, buffer.toByteArray(), cancelled);
                    buffer.reset();
                }
            });
            if (buffer.size() > 0) {
                put(chunks, buffer.toByteArray(), cancelled);
            }
        } catch (Cancelled e) {
            LOG.debug("Message export stopped: the client went away");
        } catch (RuntimeException | IOException e) {
            LOG.warn("Message export failed: {}", e.getMessage());
        } finally {
            try {
                put(chunks, END, cancelled);
            } catch (Cancelled ignored) {
                // nobody reads any more
            }
        }
    }

    private static void put(BlockingQueue<byte[]> chunks, byte[] chunk, AtomicBoolean cancelled) {
        try {
            while (!chunks.offer(chunk, 1, TimeUnit.SECONDS)) {
                if (cancelled.get()) {
                    throw new Cancelled();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
