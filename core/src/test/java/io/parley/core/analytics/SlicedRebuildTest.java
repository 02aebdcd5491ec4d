package io.parley.core.analytics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.testing.SuperuserSql;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full rebuild runs in slices of {@code parley.analytics.rebuild-slice-weeks} weeks, one transaction each, and a
 * rebuild interrupted between slices resumes where it stopped and ends with exactly the rows of a rebuild done in
 * one transaction: 150 days of generated history in America/New_York (DST ends inside it).
 */
@MicronautTest(transactional = false)
class SlicedRebuildTest implements DatabaseTest {

    @Inject
    TenantScope scope;
    @Inject
    DataSource dataSource;
    @Inject
    AnalyticsRollup rollup;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.analytics.rebuild-slice-weeks", "1");
        return properties;
    }

    @Test
    void anInterruptedRebuildResumesAndEndsWithTheRowsOfAOneShotRebuild() throws SQLException {
        SeededHistory history = SeededHistory.create("America/New_York");
        history.generate(11, 60, 150, Instant.now().truncatedTo(ChronoUnit.SECONDS));

        assertThat(rollup.refresh(history.tenant(), 4)).isFalse(); // stopped, as by a crash, after four slices
        LocalDate next = rebuildNext(history);
        List<String> builtBefore = contactDayVersions(history, next);
        assertThat(builtBefore).isNotEmpty();
        assertThat(rollup.refresh(history.tenant(), 1000)).isTrue();

        assertThat(rebuildNext(history)).isNull();
        assertThat(contactDayVersions(history, next)).isEqualTo(builtBefore); // resumed: the first slices stand
        List<String> sliced = history.rollupRows();
        AnalyticsRollup oneShot = new AnalyticsRollup(scope, dataSource,
                new AnalyticsSettings(Duration.ofMinutes(1), Duration.ofHours(6), true, 1000));
        SuperuserSql.execute("DELETE FROM analytics_rollup_state WHERE tenant_id = ?", history.tenant().value());
        for (String table : List.of("analytics_counts", "analytics_contact_days", "analytics_active_days",
                "analytics_retention")) {
            SuperuserSql.execute("DELETE FROM " + table + " WHERE tenant_id = ?", history.tenant().value());
        }
        assertThat(oneShot.refresh(history.tenant(), 1)).isTrue();
        assertThat(history.rollupRows()).hasSizeGreaterThan(1000).isEqualTo(sliced);
    }

    @Test
    void theSlicesCarryEachContactsLastActiveDayForwardAndTheLastSliceDropsThem() throws SQLException {
        SeededHistory history = SeededHistory.create("America/New_York");
        history.generate(13, 40, 120, Instant.now().truncatedTo(ChronoUnit.SECONDS));

        assertThat(rollup.refresh(history.tenant(), 5)).isFalse();

        List<String> expected = lastDaysBefore(history, rebuildNext(history));
        assertThat(expected).isNotEmpty();
        assertThat(rows(history, "SELECT contact_id || ' ' || bot_id || ' ' || channel_id || ' ' || "
                + "coalesce(CAST(last_in AS text), '-') || ' ' || last_any FROM analytics_rebuild_last "
                + "WHERE tenant_id = ? ORDER BY 1")).isEqualTo(expected);
        assertThat(rollup.refresh(history.tenant(), 1000)).isTrue();
        assertThat(rows(history, "SELECT CAST(contact_id AS text) FROM analytics_rebuild_last WHERE tenant_id = ?"))
                .isEmpty();
    }

    @Test
    void eachSliceIsTheConfiguredNumberOfWeeks() throws SQLException {
        SeededHistory history = SeededHistory.create("Asia/Taipei");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        history.generate(5, 10, 60, now);
        LocalDate firstDay = firstContactDay(history);

        assertThat(rollup.refresh(history.tenant(), 1)).isFalse();

        assertThat(rebuildNext(history))
                .isEqualTo(firstDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1));
    }

    @Test
    void aTimeZoneChangeDuringARebuildStartsItAgainInTheNewZone() throws SQLException {
        SeededHistory history = SeededHistory.create("Asia/Taipei");
        history.generate(7, 20, 60, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        assertThat(rollup.refresh(history.tenant(), 3)).isFalse();

        SuperuserSql.execute("UPDATE tenants SET time_zone = 'Asia/Kolkata' WHERE id = ?", history.tenant().value());
        assertThat(rollup.refresh(history.tenant(), 1)).isFalse();

        assertThat(rebuildNext(history)).isEqualTo(firstContactDay(history, ZoneId.of("Asia/Kolkata"))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1));
        assertThat(rollup.refresh(history.tenant(), 1000)).isTrue();
        assertThat(SuperuserSql.number("SELECT count(*) FROM analytics_counts WHERE tenant_id = ? "
                + "AND extract(minute FROM bucket) <> 30", history.tenant().value())).isZero();
    }

    private static LocalDate firstContactDay(SeededHistory history) throws SQLException {
        return firstContactDay(history, ZoneId.of("Asia/Taipei"));
    }

    private static LocalDate firstContactDay(SeededHistory history, ZoneId zone) throws SQLException {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT min(created_at) FROM contacts WHERE tenant_id = ?")) {
            statement.setObject(1, history.tenant().value());
            ResultSet row = statement.executeQuery();
            row.next();
            return row.getTimestamp(1).toInstant().atZone(zone).toLocalDate();
        }
    }

    private static LocalDate rebuildNext(SeededHistory history) throws SQLException {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT rebuild_next FROM analytics_rollup_state WHERE tenant_id = ?")) {
            statement.setObject(1, history.tenant().value());
            ResultSet row = statement.executeQuery();
            assertThat(row.next()).isTrue();
            return row.getObject(1, LocalDate.class);
        }
    }

    /** Each contact's last active day (with a message in, and any) per bot and channel before {@code day}. */
    private static List<String> lastDaysBefore(SeededHistory history, LocalDate day) throws SQLException {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT contact_id || ' ' || bot_id || ' ' "
                     + "|| channel_id || ' ' || coalesce(CAST(max(day) FILTER (WHERE messages_in > 0) AS text), '-')"
                     + " || ' ' || max(day) FROM analytics_contact_days WHERE tenant_id = ? AND day < ? "
                     + "GROUP BY contact_id, bot_id, channel_id ORDER BY 1")) {
            statement.setObject(1, history.tenant().value());
            statement.setObject(2, day);
            return strings(statement.executeQuery());
        }
    }

    private static List<String> rows(SeededHistory history, String sql) throws SQLException {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, history.tenant().value());
            return strings(statement.executeQuery());
        }
    }

    private static List<String> strings(ResultSet rows) throws SQLException {
        List<String> strings = new ArrayList<>();
        while (rows.next()) {
            strings.add(rows.getString(1));
        }
        return strings;
    }

    /** The contact-days before {@code day} with their row versions ({@code xmin}): rewritten rows get new ones. */
    private static List<String> contactDayVersions(SeededHistory history, LocalDate day) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT day || ' ' || contact_id || ' ' "
                     + "|| CAST(xmin AS text) FROM analytics_contact_days WHERE tenant_id = ? AND day < ? "
                     + "ORDER BY 1")) {
            statement.setObject(1, history.tenant().value());
            statement.setObject(2, day);
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }
}
