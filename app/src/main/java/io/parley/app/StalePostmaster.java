package io.parley.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Cleans up after a run that died without stopping its embedded PostgreSQL (kill -9, power loss, OOM killer).
 * Call only while holding the {@link DataDirectoryLock}: then no live Parley owns the cluster.
 *
 * <ul>
 *   <li>The postmaster survived (pg_ctl runs it as a daemon, so it outlives the JVM): stop it, or the new server
 *       refuses to start on the same cluster.</li>
 *   <li>Only {@code postmaster.pid} survived and its PID now belongs to another process (common in containers,
 *       where PIDs restart from 1): PostgreSQL would refuse to start ("lock file already exists"), so remove it.
 *       A pid file whose process is gone is left to PostgreSQL, which replaces it itself.</li>
 * </ul>
 * See <a href="https://www.postgresql.org/docs/current/server-start.html">Starting the Database Server</a>.
 */
final class StalePostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private StalePostmaster() {
    }

    static void clear(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        switch (identify(process.get(), cluster)) {
            case POSTMASTER_OF_CLUSTER -> stop(process.get(), cluster);
            case OTHER_PROGRAM -> {
                LOG.info("Removing {}: its PID {} now belongs to another program", pidFile, pid.get());
                delete(pidFile);
            }
            case UNKNOWN -> throw new LaunchException(pidFile + " names PID " + pid.get() + ", which is running but"
                    + " cannot be inspected; if it is not PostgreSQL, remove the file and start Parley again");
        }
    }

    private static void stop(ProcessHandle postmaster, Path cluster) {
        LOG.warn("PostgreSQL (PID {}) left running by an earlier Parley run is still using {}; stopping it",
                postmaster.pid(), cluster);
        // SIGTERM is PostgreSQL's "smart" shutdown; the dead JVM's connections are already closed.
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new LaunchException("PostgreSQL (PID " + postmaster.pid() + ") from an earlier run still uses "
                    + cluster + " after " + STOP_WAIT_SECONDS + " s; stop it (kill -INT " + postmaster.pid()
                    + ") and start Parley again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while stopping PostgreSQL (PID " + postmaster.pid() + ")");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Identity identify(ProcessHandle process, Path cluster) {
        ProcessHandle.Info info = process.info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return Identity.UNKNOWN;
        }
        String name = Path.of(info.command().get()).getFileName().toString();
        boolean postgres = name.equals("postgres") || name.equals("postgres.exe");
        // A reused PID may belong to another PostgreSQL (a system server): only ours runs with -D <cluster>.
        String directory = cluster.toAbsolutePath().normalize().toString();
        boolean onCluster = Arrays.asList(info.arguments().get()).contains(directory);
        return postgres && onCluster ? Identity.POSTMASTER_OF_CLUSTER : Identity.OTHER_PROGRAM;
    }

    private enum Identity { POSTMASTER_OF_CLUSTER, OTHER_PROGRAM, UNKNOWN }

    private static Optional<Long> readPid(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            // First line: the postmaster's PID.
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pidFile, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file, e);
        }
    }
}
