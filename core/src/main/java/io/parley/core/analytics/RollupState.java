package io.parley.core.analytics;

import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's {@code analytics_rollup_state}, read locked: what its rollups were built with (alignment, zone, the last
 * refresh's watermark and snapshot) and the rebuild under way, if any ({@code rebuildNext}: its next slice).
 */
record RollupState(int align, @Nullable Instant watermark, @Nullable String timeZone, @Nullable String snapshot,
                   @Nullable LocalDate rebuildNext, @Nullable String rebuildZone, @Nullable Integer rebuildAlign) {

    /** The tenant's state, locked until the transaction ends; null when its rollups were never built. */
    static @Nullable RollupState lock(Connection connection, UUID tenant) throws SQLException {
        try (PreparedStatement statement = NamedSql.prepare(connection, """
                SELECT align_minutes, watermark, time_zone, CAST(snapshot AS text), rebuild_next, rebuild_zone,
                       rebuild_align
                FROM analytics_rollup_state WHERE tenant_id = :t FOR UPDATE""", Map.of("t", tenant));
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            return new RollupState(row.getInt(1), row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant(),
                    row.getString(3), row.getString(4), row.getObject(5, LocalDate.class), row.getString(6),
                    (Integer) row.getObject(7));
        }
    }

    /**
     * Whether the rollups can go on as they are for this zone and alignment: built whole in them (a zone, built
     * after V135; a snapshot, after V150), or being rebuilt in them. Otherwise they are rebuilt from the start.
     */
    boolean current(ZoneId zone, int currentAlign) {
        if (rebuildNext != null) {
            return zone.getId().equals(rebuildZone) && rebuildAlign != null && rebuildAlign == currentAlign;
        }
        return align == currentAlign && watermark != null && zone.getId().equals(timeZone) && snapshot != null;
    }
}
