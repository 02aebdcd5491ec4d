package io.parley.core.database;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards every migration, present and future: each tenant-owned table has FORCE row-level security and an index
 * leading with tenant_id, and the application's role owns nothing and cannot bypass RLS.
 */
@MicronautTest(transactional = false)
class SchemaGuardTest implements DatabaseTest {

    @Test
    void everyTenantOwnedTableForcesRowLevelSecurity() throws SQLException {
        List<String> unprotected = strings("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN information_schema.columns col ON col.table_schema = n.nspname AND col.table_name = c.relname
                WHERE n.nspname = 'public' AND c.relkind = 'r' AND col.column_name = 'tenant_id'
                  AND c.relname <> 'refresh_tokens'
                  AND NOT (c.relrowsecurity AND c.relforcerowsecurity)""");
        assertThat(tenantTables()).isNotEmpty();
        assertThat(unprotected).as("tenant-owned tables without FORCE ROW LEVEL SECURITY").isEmpty();
    }

    @Test
    void everyTenantOwnedTableHasAnIndexLeadingWithTenantId() throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String table : tenantTables()) {
            List<String> leading = strings("""
                    SELECT i.indexrelid::regclass::text FROM pg_index i
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                    WHERE i.indrelid = '%s'::regclass AND a.attname = 'tenant_id'""".formatted(table));
            if (leading.isEmpty()) {
                missing.add(table);
            }
        }
        assertThat(missing).as("tenant-owned tables without an index leading with tenant_id").isEmpty();
    }

    @Test
    void applicationRoleOwnsNothingAndCannotBypassRls() throws SQLException {
        assertThat(strings("SELECT current_user")).containsExactly(TestDatabase.APP_ROLE);
        assertThat(strings("SELECT rolbypassrls::text || rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                .containsExactly("falsefalse");
        assertThat(strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user"))
                .isEmpty();
    }

    private List<String> tenantTables() throws SQLException {
        return strings("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name = 'tenant_id' AND table_name <> 'refresh_tokens'
                ORDER BY table_name""");
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection connection = TestDatabase.shared().openAppConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
