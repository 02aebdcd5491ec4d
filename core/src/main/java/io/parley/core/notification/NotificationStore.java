package io.parley.core.notification;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of notifications and their read state. Runs on the caller's tenant transaction (the data source is
 * transaction-aware); every statement names the tenant, row-level security is the backstop. A reader sees the
 * notifications whose {@code min_role} its role reaches.
 */
@Singleton
final class NotificationStore {

    private static final String COLUMNS = """
            SELECT n.id, n.kind, n.severity, n.min_role, n.title, n.body, CAST(n.params AS text) AS params, n.link,
                   n.created_at,
                   EXISTS (SELECT 1 FROM notification_reads r WHERE r.tenant_id = n.tenant_id
                           AND r.reader_id = ? AND r.notification_id = n.id) AS read
            FROM notifications n
            """;
    private static final String UNREAD = """
             AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.tenant_id = n.tenant_id
                             AND r.reader_id = ? AND r.notification_id = n.id)""";

    private final DataSource dataSource;
    private final JsonMapper json;

    NotificationStore(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The new notification's id, or empty when one with the same dedup key exists. */
    Optional<UUID> insert(TenantId tenant, UUID id, NotificationDraft draft) {
        String sql = """
                INSERT INTO notifications (tenant_id, id, kind, severity, min_role, title, body, params, link, dedup_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                ON CONFLICT (tenant_id, dedup_key) DO NOTHING
                RETURNING id""";
        try (PreparedStatement insert = connection().prepareStatement(sql)) {
            insert.setObject(1, tenant.value());
            insert.setObject(2, id);
            insert.setString(3, draft.kind());
            insert.setString(4, draft.severity().wireName());
            insert.setString(5, draft.minRole().wireName());
            insert.setString(6, clip(draft.title(), 200));
            insert.setString(7, clip(draft.body(), 2000));
            insert.setString(8, json.writeValueAsString(draft.params()));
            insert.setString(9, draft.link());
            insert.setString(10, draft.dedupKey());
            try (ResultSet row = insert.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a " + draft.kind() + " notification", e);
        }
    }

    /** Newest first, ids below {@code beforeId}. */
    List<Notification> page(TenantId tenant, UUID reader, Role role, UUID beforeId, int limit, boolean unreadOnly) {
        String sql = COLUMNS + "WHERE n.tenant_id = ? AND n.min_role = ANY (?) AND n.id < ?"
                + (unreadOnly ? " " + UNREAD : "") + " ORDER BY n.id DESC LIMIT ?";
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            int i = 1;
            select.setObject(i++, reader);
            select.setObject(i++, tenant.value());
            select.setArray(i++, connection().createArrayOf("text", visibleTo(role)));
            select.setObject(i++, beforeId);
            if (unreadOnly) {
                select.setObject(i++, reader);
            }
            select.setInt(i, limit);
            List<Notification> page = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.add(map(rows));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list notifications", e);
        }
    }

    /** One notification regardless of readers (email jobs); empty when there is none. */
    Optional<Notification> find(TenantId tenant, UUID id) {
        try (PreparedStatement select = connection().prepareStatement(
                COLUMNS + "WHERE n.tenant_id = ? AND n.id = ?")) {
            select.setObject(1, new UUID(0, 0));
            select.setObject(2, tenant.value());
            select.setObject(3, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(map(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read notification " + id, e);
        }
    }

    long unreadCount(TenantId tenant, UUID reader, Role role) {
        try (PreparedStatement count = connection().prepareStatement(
                "SELECT count(*) FROM notifications n WHERE n.tenant_id = ? AND n.min_role = ANY (?) " + UNREAD)) {
            count.setObject(1, tenant.value());
            count.setArray(2, connection().createArrayOf("text", visibleTo(role)));
            count.setObject(3, reader);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count unread notifications", e);
        }
    }

    /**
     * Marks as read by {@code reader} the notification {@code id} (or, with null, every one it sees); false when
     * {@code id} names no notification the reader sees.
     */
    boolean markRead(TenantId tenant, UUID reader, Role role, UUID id) {
        String sql = """
                WITH seen AS (SELECT n.id FROM notifications n WHERE n.tenant_id = ? AND n.min_role = ANY (?)
                              AND (CAST(? AS uuid) IS NULL OR n.id = ?)),
                     marked AS (INSERT INTO notification_reads (tenant_id, reader_id, notification_id)
                                SELECT ?, ?, seen.id FROM seen ON CONFLICT DO NOTHING)
                SELECT count(*) FROM seen""";
        try (PreparedStatement mark = connection().prepareStatement(sql)) {
            mark.setObject(1, tenant.value());
            mark.setArray(2, connection().createArrayOf("text", visibleTo(role)));
            mark.setObject(3, id);
            mark.setObject(4, id);
            mark.setObject(5, tenant.value());
            mark.setObject(6, reader);
            try (ResultSet row = mark.executeQuery()) {
                row.next();
                return id == null || row.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark notifications read", e);
        }
    }

    /** The members who see a notification for {@code minRole}: user ids. */
    List<UUID> members(TenantId tenant, Role minRole) {
        String[] roles = Arrays.stream(Role.values()).filter(r -> r.atLeast(minRole)).map(Role::wireName)
                .toArray(String[]::new);
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT user_id FROM memberships WHERE tenant_id = ? AND role = ANY (?) ORDER BY user_id")) {
            select.setObject(1, tenant.value());
            select.setArray(2, connection().createArrayOf("text", roles));
            List<UUID> users = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getObject(1, UUID.class));
                }
            }
            return users;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the members to notify", e);
        }
    }

    /** The {@code min_role} values a role reaches: an admin sees admin, agent and viewer notifications. */
    private static String[] visibleTo(Role role) {
        return Arrays.stream(Role.values()).filter(role::atLeast).map(Role::wireName).toArray(String[]::new);
    }

    private Notification map(ResultSet row) throws SQLException {
        Map<String, String> params;
        try {
            params = json.readValue(row.getString("params"), Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            params = Map.of();
        }
        return new Notification(row.getObject("id", UUID.class), row.getString("kind"), row.getString("severity"),
                row.getString("min_role"), row.getString("title"), row.getString("body"), params,
                row.getString("link"), row.getTimestamp("created_at").toInstant(), row.getBoolean("read"));
    }

    private Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
