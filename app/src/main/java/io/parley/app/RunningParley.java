package io.parley.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started Parley: its application context and the database mode under it. {@link #close()} stops them in the
 * only safe order, the context first (HTTP server, jobs, connection pool) and the embedded PostgreSQL after it, so
 * nothing still running ever loses its database.
 */
final class RunningParley implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningParley.class);

    private final DatabaseMode database;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ApplicationContext context;
    private volatile EmbeddedServer server;

    RunningParley(DatabaseMode database) {
        this.database = database;
    }

    void attach(ApplicationContext context) {
        this.context = context;
    }

    void serving(EmbeddedServer server) {
        this.server = server;
    }

    ApplicationContext context() {
        return context;
    }

    DatabaseMode database() {
        return database;
    }

    /** The HTTP server, absent when this process only migrated. */
    Optional<EmbeddedServer> server() {
        return Optional.ofNullable(server);
    }

    /** Idempotent and safe from any thread (a signal handler, a test). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            EmbeddedServer running = server;
            if (running != null && running.isRunning()) {
                running.stop();
            }
            ApplicationContext current = context;
            if (current != null && current.isRunning()) {
                current.stop();
            }
        } catch (RuntimeException e) {
            LOG.warn("The application did not stop cleanly", e);
        } finally {
            database.close();
        }
        LOG.info("Parley stopped");
    }
}
