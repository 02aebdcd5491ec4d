package io.parley.core.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.parley.core.audit.Actor;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform's own audit log ({@code platform_audit_log}, V198): what platform admins did, to which tenant. Call
 * inside {@code TenantScope.asPlatform}, in the transaction of the change (and next to the tenant's own entry).
 */
@Singleton
public final class PlatformAuditLog {

    public record Entry(UUID id, Instant at, @Nullable UUID actorId, String actor, @Nullable String ip, String action,
                        @Nullable UUID tenantId, String detailsJson) {
    }

    private final DataSource dataSource;
    private final JsonMapper json;

    PlatformAuditLog(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void record(Actor actor, String action, @Nullable TenantId tenant, Map<String, ?> details) {
        try (PreparedStatement insert = dataSource.getConnection().prepareStatement("""
                INSERT INTO platform_audit_log (id, actor_user_id, actor_label, ip, action, subject_tenant, details)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")) {
            insert.setObject(1, Ids.next());
            insert.setObject(2, actor.id());
            insert.setString(3, actor.label() == null ? actor.type().name() : actor.label());
            insert.setString(4, actor.ip());
            insert.setString(5, action);
            insert.setObject(6, tenant == null ? null : tenant.value());
            insert.setString(7, json.writeValueAsString(details));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the platform audit log", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Newest first (ids are time-ordered UUIDv7), after the id {@code before}, optionally of one tenant. */
    public List<Entry> page(@Nullable TenantId tenant, UUID before, int limit) {
        try (PreparedStatement query = dataSource.getConnection().prepareStatement("""
                SELECT id, created_at, actor_user_id, actor_label, ip, action, subject_tenant, details::text
                FROM platform_audit_log
                WHERE id < ? AND (CAST(? AS uuid) IS NULL OR subject_tenant = CAST(? AS uuid))
                ORDER BY id DESC LIMIT ?""")) {
            query.setObject(1, before);
            query.setObject(2, tenant == null ? null : tenant.value());
            query.setObject(3, tenant == null ? null : tenant.value());
            query.setInt(4, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant(),
                            rows.getObject(3, UUID.class), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getObject(7, UUID.class), rows.getString(8)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the platform audit log", e);
        }
    }
}
