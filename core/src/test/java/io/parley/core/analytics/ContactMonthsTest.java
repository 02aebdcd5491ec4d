package io.parley.core.analytics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-month cost bounds of {@code costs?by=contact} ({@code analytics_contact_months}) hold each contact's cost
 * per local month and scope, as summed by hand from its contact-days: after a rebuild in slices of two weeks (a
 * month spans several) and after an incremental refresh that brought new contacts.
 */
@MicronautTest(transactional = false)
class ContactMonthsTest implements DatabaseTest {

    private static final UUID ANY = new UUID(0, 0);

    @Inject
    AnalyticsRollup rollup;

    @Test
    void eachContactsMonthsHoldItsCostsSummedFromItsContactDays() throws SQLException {
        SeededHistory history = SeededHistory.create("America/New_York");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        history.generate(17, 50, 100, now);
        rollup.refresh(history.tenant());

        assertThat(monthRows(history)).hasSizeGreaterThan(100).isEqualTo(summedByHand(history));

        history.generate(18, 12, 1, now.plus(5, ChronoUnit.MINUTES)); // new contacts, within the refresh's lookback
        rollup.refresh(history.tenant());

        assertThat(monthRows(history)).isEqualTo(summedByHand(history));
    }

    private static Map<String, Long> monthRows(SeededHistory history) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        for (Object[] row : query(history, "SELECT contact_id, month, bot_id, channel_id, cost "
                + "FROM analytics_contact_months WHERE tenant_id = ?")) {
            rows.put(row[0] + " " + row[1] + " " + row[2] + " " + row[3], (Long) row[4]);
        }
        return rows;
    }

    /** Each contact-day's cost (0 if negative) added to its month in the four scopes of its bot and channel. */
    private static Map<String, Long> summedByHand(SeededHistory history) throws SQLException {
        Map<String, Long> sums = new TreeMap<>();
        for (Object[] row : query(history, "SELECT contact_id, day, bot_id, channel_id, llm_cost_micros "
                + "FROM analytics_contact_days WHERE tenant_id = ?")) {
            LocalDate month = ((java.sql.Date) row[1]).toLocalDate().withDayOfMonth(1);
            long cost = Math.max(0, (Long) row[4]);
            for (Object[] scope : List.of(new Object[]{row[2], row[3]}, new Object[]{row[2], ANY},
                    new Object[]{ANY, row[3]}, new Object[]{ANY, ANY})) {
                sums.merge(row[0] + " " + month + " " + scope[0] + " " + scope[1], cost, Long::sum);
            }
        }
        return sums;
    }

    private static List<Object[]> query(SeededHistory history, String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, history.tenant().value());
            ResultSet result = statement.executeQuery();
            while (result.next()) {
                rows.add(new Object[]{result.getObject(1), result.getObject(2), result.getObject(3),
                        result.getObject(4), result.getObject(5)});
            }
        }
        return rows;
    }
}
