package io.parley.api.analytics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import io.parley.core.analytics.AnalyticsRollup;
import io.parley.core.bot.BotRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.parley.api.analytics.AnalyticsFiguresTest.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh recomputes only the buckets whose raw rows changed since the last one (by the rows' transaction ids
 * against the last refresh's snapshot), and the distinct counts from the first day it touched on. Lookback 3 days,
 * so that a late row two days old is still caught.
 */
@MicronautTest(transactional = false)
class IncrementalRefreshTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    AnalyticsRollup rollup;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.analytics.rollup-lookback", "3d");
    }

    @Test
    void recomputesOnlyTheBucketsWhoseRowsChangedSinceTheLastRefresh() throws SQLException {
        RollupRefreshTest.Setup setup = setup("Incremental Co");
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        History.Talk talk = setup.history().contact("I", now.minus(Duration.ofHours(5)));
        talk.says(now.minus(Duration.ofHours(5)).plusSeconds(60));
        talk.says(now.minus(Duration.ofHours(2)).plusSeconds(60));
        rollup.refresh(setup.tenant());
        // a mark in an unchanged bucket: a refresh that recomputed it would put 1 back
        History.update("UPDATE analytics_counts SET value = 99 WHERE tenant_id = ? AND metric = 'messages_in' "
                + "AND bucket = ?",
                setup.tenant().value(), java.sql.Timestamp.from(now.minus(Duration.ofHours(5))));

        talk.says(now.minus(Duration.ofHours(3)).plusSeconds(60)); // committed late
        rollup.refresh(setup.tenant());

        assertThat(messagesIn(setup, now.minus(Duration.ofHours(5)))).isEqualTo(99);
        assertThat(messagesIn(setup, now.minus(Duration.ofHours(3)))).isEqualTo(1);
        assertThat(messagesIn(setup, now.minus(Duration.ofHours(2)))).isEqualTo(1);
    }

    @Test
    void aLateActiveDayIsCountedAndTheNextActiveDayNoLongerCountsTheContactAgain() {
        RollupRefreshTest.Setup setup = setup("Late Day Co");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        History.Talk talk = setup.history().contact("L", midnight.minus(Duration.ofDays(2)).plusSeconds(1));
        talk.says(midnight.minus(Duration.ofDays(2)).plusSeconds(1));
        talk.says(midnight.plusSeconds(1));
        rollup.refresh(setup.tenant());
        String lastTwoDays = "?from=" + today.minusDays(1) + "&to=" + today;
        assertThat(column(figure(setup, "/api/v1/analytics/active-contacts" + lastTwoDays), "dau"))
                .containsExactly(0, 1);

        talk.says(midnight.minus(Duration.ofDays(1)).plusSeconds(1)); // committed late, yesterday
        rollup.refresh(setup.tenant());

        assertThat(column(figure(setup, "/api/v1/analytics/active-contacts" + lastTwoDays), "dau"))
                .containsExactly(1, 1);
        assertThat(figure(setup, "/api/v1/analytics/llm" + lastTwoDays).at("totals.activeContacts")).isEqualTo(1);
        assertThat(column(figure(setup, "/api/v1/analytics/contacts?groupBy=month&from=" + today.minusDays(1)
                + "&to=" + today), "activeContacts").stream().mapToInt(v -> (Integer) v).max().orElseThrow())
                .isEqualTo(1);
    }

    @Test
    void aRefreshWithNothingNewChangesNoRollupRow() throws SQLException {
        RollupRefreshTest.Setup setup = setup("Quiet Co");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        History.Talk talk = setup.history().contact("Q", hour);
        talk.says(hour.plusSeconds(60));
        rollup.refresh(setup.tenant());
        History.update("UPDATE analytics_counts SET value = 99 WHERE tenant_id = ? AND metric = 'messages_in' "
                + "AND bucket = ?",
                setup.tenant().value(), java.sql.Timestamp.from(hour));

        rollup.refresh(setup.tenant());

        assertThat(messagesIn(setup, hour)).isEqualTo(99);
    }

    private RollupRefreshTest.Setup setup(String name) {
        var owner = api().signup(name);
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        UUID channel = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        return new RollupRefreshTest.Setup(owner, tenant, new History(tenant.value(), History.botOf(channel), channel));
    }

    private Reply figure(RollupRefreshTest.Setup setup, String path) {
        Reply reply = api().get(path, setup.owner().accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    private static long messagesIn(RollupRefreshTest.Setup setup, Instant bucket) throws SQLException {
        try (Connection connection = RollupRefreshTest.superuser();
             PreparedStatement statement = connection.prepareStatement("SELECT coalesce(sum(value), 0) "
                     + "FROM analytics_counts WHERE tenant_id = ? AND metric = 'messages_in' AND bucket = ?")) {
            statement.setObject(1, setup.tenant().value());
            statement.setTimestamp(2, java.sql.Timestamp.from(bucket));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
