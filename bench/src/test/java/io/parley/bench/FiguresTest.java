package io.parley.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

    @TempDir
    Path directory;

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies latencies = new Latencies(1000);
        for (int i = 1; i <= 100; i++) {
            latencies.record(i * 1_000_000L);
        }

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
    }

    @Test
    void aReplyIsCountedOnceAndItsRepetitionAsADuplicate() {
        Phase phase = new Phase(2, 10, true);
        phase.sending(4, 1_000);
        phase.acknowledged(4, 2_000);

        phase.replied(4, 5_000);
        phase.replied(4, 6_000);

        assertThat(phase.replies.get()).isEqualTo(1);
        assertThat(phase.duplicateReplies.get()).isEqualTo(1);
        assertThat(phase.replyLatencies().summary().max()).isEqualTo(0.004);
    }

    @Test
    void heapFiguresComeFromTheGcLog() throws Exception {
        Path log = directory.resolve("gc.log");
        Files.writeString(log, """
                [0.010s][info][gc] Using G1
                [1.200s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->6M(256M) 3.100ms
                [9.800s][info][gc] GC(7) Pause Young (Concurrent Start) (G1 Humongous Allocation) 300M->210M(380M) 5.000ms
                [9.900s][info][gc] GC(8) Pause Full (G1 Compaction Pause) 290M->120M(380M) 40.500ms
                """);

        GcLog heap = GcLog.read(log);

        assertThat(heap.peakUsedMib()).isEqualTo(300);
        assertThat(heap.maxLiveMib()).isEqualTo(210);
        assertThat(heap.committedMib()).isEqualTo(380);
        assertThat(heap.pauses()).isEqualTo(3);
        assertThat(heap.fullPauses()).isEqualTo(1);
    }
}
