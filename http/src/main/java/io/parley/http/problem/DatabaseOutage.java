package io.parley.http.problem;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises "the database is not there" anywhere in an exception's cause chain (Micronaut Data, the transaction
 * manager, bucket4j and Parley's own code wrap the driver's exception, sometimes twice), so it becomes a 503 with
 * Retry-After rather than a 500.
 *
 * <p>SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html): class 08 connection exceptions;
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (what connections in use get at the moment
 * PostgreSQL stops or is starting: the webhooks that got 500 "at the moment the database stops" had this one);
 * 53300 too_many_connections. Hikari's "connection is not available, request timed out" is an
 * {@link SQLTransientConnectionException}, and a pool already closed (shutting down) an SQLException naming it.
 */
public final class DatabaseOutage {

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable error) {
        return isOutage(error, 0);
    }

    private static boolean isOutage(Throwable error, int depth) {
        for (Throwable t = error; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (isOutage(suppressed, depth + 1)) {
                    return true; // e.g. the 57P01 of a statement, suppressed by the rollback's own failure
                }
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                    return true;
                }
                if (state == null && sql.getMessage() != null && (sql.getMessage().contains("has been closed")
                        || sql.getMessage().equals("Connection is closed"))) {
                    // Hikari: "HikariDataSource … has been closed" (the process is stopping), and "Connection is
                    // closed" from a connection the pool evicted after the server ended it (seen at a shutdown:
                    // the 57P01 itself is not in that exception's chain).
                    return true;
                }
                if (state == null && sql.getCause() instanceof IOException) {
                    return true;
                }
            }
        }
        return false;
    }
}
