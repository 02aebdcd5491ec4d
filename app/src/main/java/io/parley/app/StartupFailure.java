package io.parley.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Says why Parley did not start. Problems an operator fixes (settings, a busy port, an unreachable database) get
 * one line with the fix and no stack trace (it is logged at DEBUG); anything else is a bug and keeps its trace.
 */
final class StartupFailure {

    private static final Logger LOG = LoggerFactory.getLogger(StartupFailure.class);

    private StartupFailure() {
    }

    static void report(Throwable failure) {
        Optional<String> explanation = explain(failure);
        if (explanation.isPresent()) {
            // stderr, not the log: the reader is a person at a terminal or a `kubectl logs`.
            // One self-contained line per problem, so each greps and reads alone.
            explanation.get().lines().forEach(line -> System.err.println("Parley did not start: " + line));
            LOG.debug("Start-up failure", failure);
        } else {
            LOG.error("Parley did not start", failure);
        }
    }

    static Optional<String> explain(Throwable failure) {
        if (failure instanceof LaunchException) {
            return Optional.of(failure.getMessage());
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return Optional.of(messageAbove(failure, cause) + ": " + cause.getMessage()
                        + "; stop the program using that port, or set PORT to another one");
            }
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null
                    && cause.getMessage().startsWith("PARLEY_ENCRYPTION_KEY")) {
                return Optional.of(cause.getMessage()
                        + " (format: k1:<base64 of 32 random bytes>, e.g. \"k1:$(openssl rand -base64 32)\")");
            }
            if (cause instanceof SQLException) {
                return Optional.of("cannot use the database: " + cause.getMessage()
                        + " (check DATASOURCES_DEFAULT_URL, DATASOURCES_DEFAULT_USERNAME and"
                        + " DATASOURCES_DEFAULT_PASSWORD, and PARLEY_DATABASE_MIGRATION_* if set)");
            }
        }
        return Optional.empty();
    }

    /** The message of the exception wrapping {@code cause} (Micronaut's names the port), else the cause's. */
    private static String messageAbove(Throwable failure, Throwable cause) {
        String message = cause.getMessage();
        for (Throwable current = failure; current != null && current != cause; current = current.getCause()) {
            if (current.getCause() == cause && current.getMessage() != null) {
                message = current.getMessage();
            }
        }
        return message;
    }
}
