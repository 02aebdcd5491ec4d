package io.parley.core.segment;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Evaluates a {@link SegmentDefinition} in SQL. The SQL is built from the conditions present (each a fixed fragment
 * with bound parameters, never text from the definition), because a single static statement with every condition
 * optional ({@code :x IS NULL OR …}) plans badly for tens of thousands of contacts. Runs inside a
 * {@link io.parley.core.tenancy.TenantScope}; {@code dataSource} is Micronaut's transaction-aware one, so the
 * statements join the scope's transaction.
 */
@Singleton
public final class SegmentQuery {

    private final DataSource dataSource;

    SegmentQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many contacts match, and how many of them are reachable (see {@link #reachable}). */
    public Counts count(UUID tenant, SegmentDefinition definition) {
        Where where = where(tenant, definition);
        String sql = "SELECT count(*), count(*) FILTER (WHERE " + reachable(definition, where) + ") FROM contacts c"
                + " WHERE " + where.sql;
        return query(sql, where.parameters, rows -> {
            rows.next();
            return new Counts(rows.getLong(1), rows.getLong(2));
        });
    }

    /** The newest {@code limit} matching contacts' ids. */
    public List<UUID> sample(UUID tenant, SegmentDefinition definition, int limit) {
        Where where = where(tenant, definition);
        where.parameters.add(limit);
        return query("SELECT c.id FROM contacts c WHERE " + where.sql + " ORDER BY c.id DESC LIMIT ?",
                where.parameters, rows -> {
                    List<UUID> ids = new ArrayList<>();
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                    return ids;
                });
    }

    /**
     * The SQL condition (over {@code contacts c}) and parameters of a definition, for statements elsewhere (the
     * broadcast planner) that select from the segment.
     */
    public Where where(UUID tenant, SegmentDefinition d) {
        Where where = new Where();
        where.add("c.tenant_id = ? AND NOT c.blocked AND NOT c.test_only", tenant);
        String identityScope = "";
        List<Object> identityParameters = new ArrayList<>();
        if (notEmpty(d.channelIds())) {
            identityScope += " AND ci.channel_id = ANY(CAST(? AS uuid[]))";
            identityParameters.add(array(d.channelIds()));
        }
        if (notEmpty(d.channelTypes())) {
            identityScope += " AND ch.type = ANY(CAST(? AS text[]))";
            identityParameters.add(array(d.channelTypes()));
        }
        where.identityScope = identityScope;
        where.identityParameters = identityParameters;
        if (!identityScope.isEmpty()) {
            where.add("EXISTS (" + IDENTITIES + identityScope + ")", identityParameters.toArray());
        }
        if (d.following() != null) {
            Object[] parameters = new Object[identityParameters.size() + 1];
            for (int i = 0; i < identityParameters.size(); i++) {
                parameters[i] = identityParameters.get(i);
            }
            parameters[identityParameters.size()] = true;
            where.add((d.following() ? "" : "NOT ") + "EXISTS (" + IDENTITIES + identityScope
                    + " AND ci.following = ?)", parameters);
        }
        if (notEmpty(d.tagsAny())) {
            where.add("c.tags && CAST(? AS text[])", array(d.tagsAny()));
        }
        if (notEmpty(d.tagsAll())) {
            where.add("c.tags @> CAST(? AS text[])", array(d.tagsAll()));
        }
        if (notEmpty(d.tagsNone())) {
            where.add("NOT (c.tags && CAST(? AS text[]))", array(d.tagsNone()));
        }
        if (notEmpty(d.tiers())) {
            where.add("c.tier = ANY(CAST(? AS text[]))", array(d.tiers()));
        }
        if (d.attributes() != null) {
            for (SegmentDefinition.AttributeCondition condition : d.attributes()) {
                switch (condition.op()) {
                    case "equals" -> where.add("c.attributes -> ? = CAST(? AS jsonb)", condition.key(),
                            condition.valueJson());
                    case "notEquals" -> where.add("c.attributes -> ? IS DISTINCT FROM CAST(? AS jsonb)",
                            condition.key(), condition.valueJson());
                    // jsonb_exists is the function behind the ? operator, which JDBC would take for a parameter
                    case "exists" -> where.add("jsonb_exists(c.attributes, ?)", condition.key());
                    case "missing" -> where.add("NOT jsonb_exists(c.attributes, ?)", condition.key());
                    default -> throw new IllegalArgumentException("unknown attribute op " + condition.op());
                }
            }
        }
        if (d.lastActiveWithinDays() != null) {
            where.add("c.last_seen_at >= now() - make_interval(days => ?)", d.lastActiveWithinDays());
        }
        if (d.inactiveForDays() != null) {
            where.add("COALESCE(c.last_seen_at, c.created_at) < now() - make_interval(days => ?)",
                    d.inactiveForDays());
        }
        if (d.createdAfter() != null) {
            where.add("c.created_at >= ?", Timestamp.from(d.createdAfter()));
        }
        if (d.createdBefore() != null) {
            where.add("c.created_at < ?", Timestamp.from(d.createdBefore()));
        }
        return where;
    }

    /**
     * A contact is reachable when one of its identities (on the segment's channels, if it names any; never web chat)
     * follows the bot and is not on the suppression list.
     */
    private static String reachable(SegmentDefinition definition, Where where) {
        where.parameters.addAll(0, where.identityParameters); // the FILTER comes first in the statement
        return "EXISTS (" + IDENTITIES + where.identityScope + " AND ch.type <> 'web' AND ci.following"
                + " AND NOT EXISTS (SELECT 1 FROM contact_opt_outs o WHERE o.tenant_id = ci.tenant_id"
                + " AND o.channel_id = ci.channel_id AND o.external_user_id = ci.external_user_id))";
    }

    private static final String IDENTITIES = "SELECT 1 FROM contact_identities ci JOIN channels ch"
            + " ON ch.tenant_id = ci.tenant_id AND ch.id = ci.channel_id"
            + " WHERE ci.tenant_id = c.tenant_id AND ci.contact_id = c.id";

    private <T> T query(String sql, List<Object> parameters, RowReader<T> reader) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("segment query failed: " + e.getMessage(), e);
        }
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }

    /** A PostgreSQL array literal of texts, quoted, so any tag text is one element. */
    private static String array(List<String> values) {
        StringBuilder array = new StringBuilder("{");
        for (String value : values) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return array.append('}').toString();
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    public record Counts(long matching, long reachable) {
    }

    /** A condition over {@code contacts c} and its parameters, in order. */
    public static final class Where {
        private String sql = "";
        private final List<Object> parameters = new ArrayList<>();
        private String identityScope = "";
        private List<Object> identityParameters = List.of();

        void add(String condition, Object... values) {
            sql = sql.isEmpty() ? condition : sql + " AND " + condition;
            parameters.addAll(java.util.Arrays.asList(values));
        }

        public String sql() {
            return sql;
        }

        public List<Object> parameters() {
            return List.copyOf(parameters);
        }
    }
}
