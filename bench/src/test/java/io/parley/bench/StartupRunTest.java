package io.parley.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the start-up benchmark reads a start and reports the starts of each way of starting. */
class StartupRunTest {

    @Test
    void theReadyTimeIsTheJvmUptimeParleyLogs(@TempDir Path directory) throws Exception {
        Path log = directory.resolve("parley.log");
        Files.writeString(log, """
                12:00:01.100 INFO  Embedded PostgreSQL started on 127.0.0.1:5433
                12:00:02.900 INFO  Parley ready in 2.7 s: roles all; embedded PostgreSQL; http://localhost:8080
                """);

        assertThat(StartupRun.readySeconds(log)).isEqualTo(2.7);

        Files.writeString(log, "12:00:01.100 ERROR startup failed\n");
        assertThat(StartupRun.readySeconds(log)).as("no ready line").isNaN();
    }

    @Test
    void eachWayOfStartingShowsItsMedianAndSpread() {
        StartupRun.Mode cold = new StartupRun.Mode("all-in-one, no AOT cache", List.of(
                new StartupRun.Start(4.2, 5.0, 9.1, 300), new StartupRun.Start(3.8, 4.4, 8.7, 310),
                new StartupRun.Start(4.0, 4.6, 8.9, 305)));
        StartupRun.Mode cached = new StartupRun.Mode("all-in-one, AOT cache", List.of(
                new StartupRun.Start(1.9, 2.4, 4.0, 280)));

        String report = StartupRun.report(List.of(cold, cached), 1.5, 2.0, 90L * 1024 * 1024);

        assertThat(report).contains("load average 1.5 before, 2.0 after; AOT cache 90 MiB");
        assertThat(report.lines().filter(row -> row.startsWith("| all-in-one, no AOT cache")).findFirst().orElseThrow())
                .contains("4.0 (3.8–4.2)").contains("4.6 (4.4–5.0)").contains("8.9 (8.7–9.1)")
                .contains("305 (300–310)");
        assertThat(report.lines().filter(row -> row.startsWith("| all-in-one, AOT cache")).findFirst().orElseThrow())
                .contains("| 1.9 ").contains("| 2.4 ");
    }
}
