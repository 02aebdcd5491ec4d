package io.parley.api.analytics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.core.analytics.AnalyticsRollup;
import io.parley.core.analytics.AnalyticsTrigger;
import io.parley.core.bot.BotRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
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

/** The rollups follow the raw rows: late rows, later statuses, time zone changes, and the job that refreshes them. */
@MicronautTest(transactional = false)
class RollupRefreshTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    AnalyticsRollup rollup;
    @Inject
    AnalyticsTrigger trigger;

    @Test
    void correctsRowsThatCommitLateAndStatusesThatArriveLater() {
        Setup setup = setup("Late Co");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        History.Talk talk = setup.history.contact("L", now.minus(Duration.ofHours(2)));
        UUID event = talk.says(now.minus(Duration.ofHours(2)));
        talk.answered(event, now.minus(Duration.ofHours(2)), "llm", Duration.ofMillis(500), "sent", null);
        rollup.refresh(setup.tenant);

        talk.says(now.minus(Duration.ofHours(3))); // committed after the refresh, dated before its watermark
        History.update("UPDATE messages SET status = 'failed', status_detail = '470: expired' "
                + "WHERE conversation_id = ? AND direction = 'outbound'", talk.conversation);
        rollup.refresh(setup.tenant);

        String today = "?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "&to=" + LocalDate.now(ZoneOffset.UTC);
        assertThat(figure(setup, "/api/v1/analytics/messages" + today).at("totals.messagesIn")).isEqualTo(2);
        assertThat(figure(setup, "/api/v1/analytics/delivery/failures" + today).at("rows.0.code")).isEqualTo("470");
    }

    @Test
    void aTimeZoneChangeToAnotherAlignmentRebuildsTheBuckets() {
        Setup setup = setup("Moving Co");
        History.Talk talk = setup.history.contact("M", Instant.parse("2026-03-08T18:20:00Z"));
        talk.says(Instant.parse("2026-03-08T18:20:00Z")); // 23:50 in Kolkata
        talk.says(Instant.parse("2026-03-08T18:40:00Z")); // 00:10 the next day in Kolkata
        rollup.refresh(setup.tenant);
        String range = "/api/v1/analytics/messages?from=2026-03-08&to=2026-03-09";
        assertThat(column(figure(setup, range), "messagesIn")).containsExactly(2, 0);

        api().patch("/api/v1/tenant", setup.owner.accessToken(), Map.of("timeZone", "Asia/Kolkata"));
        rollup.refresh(setup.tenant);

        assertThat(column(figure(setup, range), "messagesIn")).containsExactly(1, 1);
    }

    @Test
    void activityEnqueuesOneRefreshPerTenantAndIntervalDueAtItsEnd() throws SQLException {
        Setup setup = setup("Busy Co");
        trigger.touched(setup.tenant);
        trigger.touched(setup.tenant);

        try (Connection connection = superuser();
             PreparedStatement jobs = connection.prepareStatement(
                     "SELECT scheduled_at, serial_key FROM jobs WHERE tenant_id = ? AND kind = 'analytics.rollup'")) {
            jobs.setObject(1, setup.tenant.value());
            ResultSet rows = jobs.executeQuery();
            assertThat(rows.next()).isTrue();
            Instant due = rows.getTimestamp(1).toInstant();
            assertThat(due.getEpochSecond() % 60).isZero(); // the end of the 1-minute interval
            assertThat(due).isAfter(Instant.now().minusSeconds(1)).isBefore(Instant.now().plusSeconds(61));
            assertThat(rows.getString(2)).isEqualTo("analytics.rollup:" + setup.tenant.value());
            assertThat(rows.next()).isFalse();
        }
    }

    record Setup(Session owner, TenantId tenant, History history) {
    }

    Setup setup(String name) {
        Session owner = api().signup(name);
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        UUID channel = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        return new Setup(owner, tenant, new History(tenant.value(), History.botOf(channel), channel));
    }

    Reply figure(Setup setup, String path) {
        Reply reply = api().get(path, setup.owner.accessToken());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    static Connection superuser() throws SQLException {
        var database = TestDatabase.shared();
        return DriverManager.getConnection(database.database().jdbcUrl(), database.superuser().username(),
                database.superuser().password());
    }
}
