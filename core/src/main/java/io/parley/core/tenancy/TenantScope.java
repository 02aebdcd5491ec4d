package io.parley.core.tenancy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs work inside one database transaction whose row-level-security context names a tenant and/or a user.
 *
 * <p>The settings are transaction-local ({@code set_config(name, value, true)}), so a pooled connection never
 * carries one request's tenant into the next. Outside such a scope, queries on tenant-owned tables see nothing:
 * the policies compare against a NULL setting. Repositories still filter by tenant explicitly; RLS is the backstop.
 */
@Singleton
public final class TenantScope {

    private static final String SET_ALL = "SELECT set_config('parley.tenant_id', ?, true), "
            + "set_config('parley.user_id', ?, true), set_config('parley.queue', ?, true)";
    private static final String SET_ALL_REPLAYABLE = SET_ALL + ", set_config('synchronous_commit', 'off', true)";
    private static final String SET_PLATFORM = SET_ALL + ", set_config('parley.platform', 'on', true)";

    private final TransactionOperations<Connection> transactions;

    TenantScope(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Reads and writes as {@code tenant}. */
    public <T> T write(TenantId tenant, Supplier<T> work) {
        return run(tenant, null, false, work);
    }

    /**
     * Reads and writes as {@code tenant} in a transaction whose COMMIT does not wait for the write-ahead log to reach
     * disk ({@code synchronous_commit = off} for this transaction only). For the writes of a job that runs again if
     * they are lost — a conversation turn re-runs from its durable inbound event and job — and only for them.
     *
     * <p>Why it is safe there: such a commit is visible at once and durable within about 3 × wal_writer_delay
     * (600 ms); only a crash of PostgreSQL itself in that window loses it, and then it is lost together with
     * everything after it in the log, the job's completion included, so the job runs again. Anything that must not
     * happen twice once done outside the database — a send to a provider — is recorded with an ordinary commit,
     * which also makes every earlier commit durable, because the log is flushed in order. The webhook ingress keeps
     * ordinary commits: its 200 promises the provider that the event is stored.
     */
    public <T> T writeReplayable(TenantId tenant, Supplier<T> work) {
        return TransactionLimit.admit(() -> transactions.execute(TransactionDefinition.DEFAULT, status -> {
            set(status.getConnection(), SET_ALL_REPLAYABLE, tenant.value().toString(), "", "");
            return work.get();
        }));
    }

    public void writeVoid(TenantId tenant, Runnable work) {
        run(tenant, null, false, () -> {
            work.run();
            return null;
        });
    }

    /**
     * One transaction for the writes of several tenants, each run with its own tenant setting, committed once after
     * all of them: group commit of webhook acknowledgements, where one commit serves many requests. Each
     * {@code work} call sees only its tenant's rows, exactly as inside {@link #write}.
     */
    public void writeEach(Collection<TenantId> tenants, Consumer<TenantId> work) {
        TransactionLimit.admit(() -> transactions.execute(TransactionDefinition.DEFAULT, status -> {
            Connection connection = status.getConnection();
            for (TenantId tenant : tenants) {
                set(connection, SET_ALL, tenant.value().toString(), "", "");
                work.accept(tenant);
            }
            return null;
        }));
    }

    /** Reads as {@code tenant} in a read-only transaction. */
    public <T> T read(TenantId tenant, Supplier<T> work) {
        return run(tenant, null, true, work);
    }

    /** Acts as {@code user}: sees the user's own memberships and the tenants they belong to, nothing else. */
    public <T> T asUser(UserId user, Supplier<T> work) {
        return run(null, user, false, work);
    }

    /** Acts as {@code user} inside {@code tenant} (e.g. signing up, which creates both). */
    public <T> T asUserInTenant(UserId user, TenantId tenant, Supplier<T> work) {
        return run(tenant, user, false, work);
    }

    /**
     * The job queue's own statements (claiming, rescuing, finishing jobs of every tenant): the jobs table's policy
     * admits them; every other tenant-owned table still sees nothing. Only queue code may use this.
     *
     * <p>Commits like {@link #writeReplayable}: claims, heartbeats and outcomes lost in a crash of PostgreSQL make
     * the job run again, and job handlers are idempotent by contract (docs/architecture/queue.md).
     */
    public <T> T asQueue(Supplier<T> work) {
        return TransactionLimit.admit(() -> transactions.execute(TransactionDefinition.DEFAULT, status -> {
            Connection connection = status.getConnection();
            set(connection, SET_ALL_REPLAYABLE, "", "", "on");
            return work.get();
        }));
    }

    /**
     * The operator console (docs/operator-console.md): the platform's own tables and the read-only windows across
     * tenants that V198 opens (tenants list, health), plus, when {@code tenant} is given, that tenant's rows as
     * {@link #write} sees them. Only the console's code, behind its platform-admin check, may use this.
     */
    public <T> T asPlatform(TenantId tenant, Supplier<T> work) {
        return TransactionLimit.admit(() -> transactions.execute(TransactionDefinition.DEFAULT, status -> {
            set(status.getConnection(), SET_PLATFORM, tenant == null ? "" : tenant.value().toString(), "", "");
            return work.get();
        }));
    }

    /**
     * A job handler's transactions wait for a permit of the queue's {@link TransactionLimit} first — every kind of
     * scope, so that a scope opened inside another one knows it is nested and takes no second permit. (A replayable
     * write that skipped the cap once held a pool connection while a read nested in it waited for a permit held by
     * handlers that waited for connections: the pool deadlocked under a burst of turns.)
     */
    private <T> T run(TenantId tenant, UserId user, boolean readOnly, Supplier<T> work) {
        return TransactionLimit.admit(() -> open(tenant, user, readOnly, work));
    }

    private <T> T open(TenantId tenant, UserId user, boolean readOnly, Supplier<T> work) {
        TransactionDefinition definition = readOnly ? TransactionDefinition.READ_ONLY : TransactionDefinition.DEFAULT;
        return transactions.execute(definition, status -> {
            Connection connection = status.getConnection();
            set(connection, SET_ALL, tenant == null ? "" : tenant.value().toString(),
                    user == null ? "" : user.value().toString(), "");
            return work.get();
        });
    }

    /** All the settings in one statement: one round trip per transaction instead of one per setting. */
    private static void set(Connection connection, String sql, String tenant, String user, String queue) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            statement.setString(2, user);
            statement.setString(3, queue);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the tenant scope for the transaction", e);
        }
    }
}
