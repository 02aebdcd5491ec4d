package io.parley.app;

import java.util.Map;

/**
 * Where Parley's data lives: an {@link ExternalDatabase} named by {@code DATASOURCES_DEFAULT_URL}, or otherwise an
 * {@link EmbeddedMode embedded PostgreSQL} in the data directory (the all-in-one mode).
 */
sealed interface DatabaseMode extends AutoCloseable permits ExternalDatabase, EmbeddedMode {

    /** Micronaut properties for the datasource and for Flyway. */
    Map<String, Object> properties();

    /** For the start-up log line; never contains credentials. */
    String description();

    /** Stops what this mode started; call only after the application context has stopped. */
    @Override
    void close();
}
