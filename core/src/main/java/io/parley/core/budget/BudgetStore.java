package io.parley.core.budget;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of budgets, their spend per period and the reservations of calls under way; on the caller's transaction. */
@Singleton
final class BudgetStore {

    private final DataSource dataSource;

    BudgetStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The tenant's budget and the bot's, those that exist. */
    List<LlmBudget> applying(TenantId tenant, UUID botId) {
        return select(tenant, "scope IN ('tenant', ?)", "bot:" + botId);
    }

    Optional<LlmBudget> find(TenantId tenant, @Nullable UUID botId) {
        return select(tenant, "scope = ?", LlmBudget.scopeOf(botId)).stream().findFirst();
    }

    private List<LlmBudget> select(TenantId tenant, String where, String scope) {
        String sql = "SELECT bot_id, monthly_micros, daily_micros, thresholds, hard_cap, at_cap, cap_model, cap_message "
                + "FROM llm_budgets WHERE tenant_id = ? AND " + where + " ORDER BY scope DESC";
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            select.setObject(1, tenant.value());
            select.setString(2, scope);
            List<LlmBudget> budgets = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Integer[] thresholds = (Integer[]) row.getArray("thresholds").getArray();
                    budgets.add(new LlmBudget(row.getObject("bot_id", UUID.class),
                            (Long) row.getObject("monthly_micros"), (Long) row.getObject("daily_micros"),
                            Arrays.asList(thresholds), row.getBoolean("hard_cap"),
                            LlmBudget.AtCap.fromWire(row.getString("at_cap")).orElse(LlmBudget.AtCap.MESSAGE),
                            row.getString("cap_model"), row.getString("cap_message")));
                }
            }
            return budgets;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read LLM budgets", e);
        }
    }

    void save(TenantId tenant, LlmBudget budget) {
        String sql = """
                INSERT INTO llm_budgets (tenant_id, scope, bot_id, monthly_micros, daily_micros, thresholds, hard_cap,
                                         at_cap, cap_model, cap_message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, scope) DO UPDATE SET monthly_micros = excluded.monthly_micros,
                    daily_micros = excluded.daily_micros, thresholds = excluded.thresholds,
                    hard_cap = excluded.hard_cap, at_cap = excluded.at_cap, cap_model = excluded.cap_model,
                    cap_message = excluded.cap_message, updated_at = now()""";
        try (PreparedStatement upsert = connection().prepareStatement(sql)) {
            upsert.setObject(1, tenant.value());
            upsert.setString(2, budget.scope());
            upsert.setObject(3, budget.botId());
            setLong(upsert, 4, budget.monthlyMicros());
            setLong(upsert, 5, budget.dailyMicros());
            Array thresholds = connection().createArrayOf("integer", budget.thresholds().toArray());
            upsert.setArray(6, thresholds);
            upsert.setBoolean(7, budget.hardCap());
            upsert.setString(8, budget.atCap().wireName());
            upsert.setString(9, budget.capModel());
            upsert.setString(10, budget.capMessage());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save an LLM budget", e);
        }
    }

    /** Serializes the budget checks and settlements of one tenant until the transaction ends. */
    void lock(TenantId tenant) {
        try (PreparedStatement lock = connection().prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended('llm-budget:' || CAST(? AS text), 0))")) {
            lock.setObject(1, tenant.value());
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock the tenant's LLM budgets", e);
        }
    }

    /**
     * What a scope spent in a period: its row, created on first use from the calls already in llm_usage (so a budget
     * set mid-month counts the month's earlier calls).
     */
    long spent(TenantId tenant, @Nullable UUID botId, String period, Instant from, Instant to) {
        String scope = LlmBudget.scopeOf(botId);
        try (PreparedStatement init = connection().prepareStatement("""
                INSERT INTO llm_budget_spend (tenant_id, scope, period, spent_micros)
                SELECT ?, ?, ?, coalesce(sum(cost_micros), 0) FROM llm_usage
                WHERE tenant_id = ? AND (CAST(? AS uuid) IS NULL OR bot_id = ?) AND created_at >= ? AND created_at < ?
                ON CONFLICT (tenant_id, scope, period) DO NOTHING""")) {
            init.setObject(1, tenant.value());
            init.setString(2, scope);
            init.setString(3, period);
            init.setObject(4, tenant.value());
            init.setObject(5, botId, Types.OTHER);
            init.setObject(6, botId, Types.OTHER);
            init.setTimestamp(7, Timestamp.from(from));
            init.setTimestamp(8, Timestamp.from(to));
            init.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start a budget period", e);
        }
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT spent_micros FROM llm_budget_spend WHERE tenant_id = ? AND scope = ? AND period = ?")) {
            select.setObject(1, tenant.value());
            select.setString(2, scope);
            select.setString(3, period);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a budget's spend", e);
        }
    }

    /** What {@link #spent} would answer, without starting the period (for reads). */
    long peekSpent(TenantId tenant, @Nullable UUID botId, String period, Instant from, Instant to) {
        try (PreparedStatement select = connection().prepareStatement("""
                SELECT coalesce(
                    (SELECT spent_micros FROM llm_budget_spend WHERE tenant_id = ? AND scope = ? AND period = ?),
                    (SELECT coalesce(sum(cost_micros), 0) FROM llm_usage WHERE tenant_id = ?
                     AND (CAST(? AS uuid) IS NULL OR bot_id = ?) AND created_at >= ? AND created_at < ?))""")) {
            select.setObject(1, tenant.value());
            select.setString(2, LlmBudget.scopeOf(botId));
            select.setString(3, period);
            select.setObject(4, tenant.value());
            select.setObject(5, botId, Types.OTHER);
            select.setObject(6, botId, Types.OTHER);
            select.setTimestamp(7, Timestamp.from(from));
            select.setTimestamp(8, Timestamp.from(to));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a budget's spend", e);
        }
    }

    /** Forgets the scope's spend rows: they start again from llm_usage (after a budget changed). */
    void resetSpent(TenantId tenant, @Nullable UUID botId) {
        try (PreparedStatement delete = connection().prepareStatement(
                "DELETE FROM llm_budget_spend WHERE tenant_id = ? AND scope = ?")) {
            delete.setObject(1, tenant.value());
            delete.setString(2, LlmBudget.scopeOf(botId));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reset a budget's spend", e);
        }
    }

    void addSpent(TenantId tenant, @Nullable UUID botId, String period, long micros) {
        try (PreparedStatement add = connection().prepareStatement("UPDATE llm_budget_spend SET spent_micros = "
                + "spent_micros + ? WHERE tenant_id = ? AND scope = ? AND period = ?")) {
            add.setLong(1, micros);
            add.setObject(2, tenant.value());
            add.setString(3, LlmBudget.scopeOf(botId));
            add.setString(4, period);
            add.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not add to a budget's spend", e);
        }
    }

    /** The calls under way: reserved micro-USD and how many, for the tenant (botId null) or one bot. */
    record InFlight(long micros, int calls) {
    }

    InFlight inFlight(TenantId tenant, @Nullable UUID botId) {
        try (PreparedStatement select = connection().prepareStatement("""
                SELECT coalesce(sum(estimate_micros), 0), count(*) FROM llm_budget_reservations
                WHERE tenant_id = ? AND (CAST(? AS uuid) IS NULL OR bot_id = ?) AND expires_at > now()""")) {
            select.setObject(1, tenant.value());
            select.setObject(2, botId, Types.OTHER);
            select.setObject(3, botId, Types.OTHER);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new InFlight(row.getLong(1), row.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the LLM calls under way", e);
        }
    }

    void reserve(TenantId tenant, UUID id, UUID botId, long estimate, Instant expires) {
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO llm_budget_reservations "
                + "(tenant_id, id, bot_id, estimate_micros, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, tenant.value());
            insert.setObject(2, id);
            insert.setObject(3, botId);
            insert.setLong(4, estimate);
            insert.setTimestamp(5, Timestamp.from(expires));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reserve an LLM call's cost", e);
        }
    }

    /** Removes the reservation and any of the tenant's that expired. */
    void release(TenantId tenant, @Nullable UUID id) {
        try (PreparedStatement delete = connection().prepareStatement("DELETE FROM llm_budget_reservations "
                + "WHERE tenant_id = ? AND (id = ? OR expires_at <= now())")) {
            delete.setObject(1, tenant.value());
            delete.setObject(2, id, Types.OTHER);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release an LLM call's reservation", e);
        }
    }

    private static void setLong(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
