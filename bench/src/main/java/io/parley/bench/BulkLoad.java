package io.parley.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulk load into Parley's tables as the superuser, the way PostgreSQL's manual advises ("Populating a Database"):
 * the tables' secondary indexes (those no constraint owns) dropped at the start and created again by {@link #finish}
 * (one sort per index instead of one insertion per row), foreign keys not checked row by row
 * ({@code session_replication_role = replica} disables their triggers for this session only: the generated rows
 * are consistent by construction, and the constraints themselves stay), and {@code max_wal_size} raised so the
 * load does not checkpoint every gigabyte; reset by {@link #finish} or {@link #close}, so what runs afterwards (the
 * rollup rebuild, the reads) runs with the database's settings.
 */
final class BulkLoad implements AutoCloseable {

    private final Connection connection;
    private final List<String> indexes;
    private boolean finished;

    private BulkLoad(Connection connection, List<String> indexes) {
        this.connection = connection;
        this.indexes = indexes;
    }

    static BulkLoad start(Connection connection, List<String> tables) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery("""
                    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                    WHERE i.indrelid = ANY (ARRAY['%s']::regclass[])
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                    ORDER BY 1""".formatted(String.join("','", tables)))) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                    definitions.add(rows.getString(2));
                }
            }
            for (String name : names) {
                sql.execute("DROP INDEX " + name);
            }
            sql.execute("SET session_replication_role = replica");
            sql.execute("ALTER SYSTEM SET max_wal_size = '16GB'");
            sql.execute("SELECT pg_reload_conf()");
        }
        ScenarioRun.log("bulk load: %d secondary indexes dropped until the rows are in", names.size());
        return new BulkLoad(connection, definitions);
    }

    /** Builds the dropped indexes again, resets the settings and analyzes the tables. */
    void finish() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET maintenance_work_mem = '1GB'");
            for (String index : indexes) {
                long start = System.nanoTime();
                sql.execute(index);
                ScenarioRun.log("bulk load: %s (%.0f s)", index, (System.nanoTime() - start) / 1e9);
            }
            reset(sql);
            sql.execute("ANALYZE");
        }
        finished = true;
    }

    private static void reset(Statement sql) throws SQLException {
        sql.execute("SET session_replication_role = DEFAULT");
        sql.execute("ALTER SYSTEM RESET max_wal_size");
        sql.execute("SELECT pg_reload_conf()");
    }

    @Override
    public void close() throws SQLException {
        if (!finished) {
            try (Statement sql = connection.createStatement()) {
                reset(sql);
            }
        }
    }
}
