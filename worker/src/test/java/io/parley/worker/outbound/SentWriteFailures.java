package io.parley.worker.outbound;

import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Makes PostgreSQL refuse to record a tenant's outbound messages as sent, the way a lost connection or an exhausted
 * pool would fail that write: a trigger on {@code messages} raises for the first {@code times} updates from queued to
 * sent. It counts with a sequence, which a rolled-back transaction does not reset. Closing it drops the trigger.
 */
final class SentWriteFailures implements AutoCloseable {

    private final String name = "test_fail_sent_" + UUID.randomUUID().toString().replace("-", "");

    private SentWriteFailures(TenantId tenant, long times) {
        execute("CREATE SEQUENCE " + name,
                """
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                BEGIN
                    IF nextval('%1$s') <= %2$d THEN
                        RAISE EXCEPTION 'injected failure: the sent write was lost';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(name, times),
                """
                CREATE TRIGGER %1$s BEFORE UPDATE ON messages FOR EACH ROW
                WHEN (NEW.tenant_id = '%2$s' AND OLD.status = 'queued' AND NEW.status = 'sent')
                EXECUTE FUNCTION %1$s()""".formatted(name, tenant.value()));
    }

    /** The next {@code times} "sent" writes of the tenant's messages fail. */
    static SentWriteFailures failing(TenantId tenant, long times) {
        return new SentWriteFailures(tenant, times);
    }

    /** Every "sent" write of the tenant's messages fails until closed. */
    static SentWriteFailures failingUntilClosed(TenantId tenant) {
        return new SentWriteFailures(tenant, Long.MAX_VALUE - 1);
    }

    @Override
    public void close() {
        execute("DROP TRIGGER " + name + " ON messages", "DROP FUNCTION " + name + "()", "DROP SEQUENCE " + name);
    }

    private static void execute(String... statements) {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
