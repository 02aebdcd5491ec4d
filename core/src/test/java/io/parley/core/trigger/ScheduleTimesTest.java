package io.parley.core.trigger;

import io.parley.core.flow.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schedule occurrences in the tenant's zone, across daylight-saving changes (New York: 8 March, 1 November 2026). */
class ScheduleTimesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aDailyNineOClockStaysNineLocalOnBothSidesOfTheSpringChange() {
        Trigger.Schedule daily = new Trigger.Schedule("0 9 * * *", null, null);

        assertThat(ScheduleTimes.latest(daily, NEW_YORK, Instant.parse("2026-03-07T13:00:00Z"),
                Instant.parse("2026-03-07T15:00:00Z"))).map(ScheduleTimes.Occurrence::at)
                .contains(Instant.parse("2026-03-07T14:00:00Z")); // EST, UTC-5
        assertThat(ScheduleTimes.latest(daily, NEW_YORK, Instant.parse("2026-03-09T12:00:00Z"),
                Instant.parse("2026-03-09T14:00:00Z"))).map(ScheduleTimes.Occurrence::at)
                .contains(Instant.parse("2026-03-09T13:00:00Z")); // EDT, UTC-4
    }

    @Test
    void theRepeatedHourOfTheFallChangeGivesOneOccurrenceKey() {
        Trigger.Schedule daily = new Trigger.Schedule("30 1 * * *", null, null);

        Set<String> keys = keysScannedEveryMinute(daily, Instant.parse("2026-11-01T04:00:00Z"),
                Instant.parse("2026-11-01T08:00:00Z"));

        assertThat(keys).containsExactly("2026-11-01T01:30");
    }

    @Test
    void aTimeInsideTheSpringGapIsSentRightAfterIt() {
        Trigger.Schedule daily = new Trigger.Schedule("30 2 * * *", null, null);

        Set<String> keys = keysScannedEveryMinute(daily, Instant.parse("2026-03-08T05:00:00Z"),
                Instant.parse("2026-03-08T09:00:00Z"));

        assertThat(keys).hasSize(1);
    }

    @Test
    void oneDateTimeIsReadInTheTenantsZone() {
        Trigger.Schedule once = new Trigger.Schedule(null, "2026-12-24T09:00", null);

        Optional<ScheduleTimes.Occurrence> due = ScheduleTimes.latest(once, ZoneId.of("Asia/Taipei"),
                Instant.parse("2026-12-24T00:00:00Z"), Instant.parse("2026-12-24T02:00:00Z"));

        assertThat(due).contains(new ScheduleTimes.Occurrence(Instant.parse("2026-12-24T01:00:00Z"),
                "2026-12-24T09:00"));
        assertThat(ScheduleTimes.latest(once, ZoneId.of("Asia/Taipei"), Instant.parse("2026-12-24T01:00:00Z"),
                Instant.parse("2026-12-24T02:00:00Z"))).isEmpty();
    }

    @Test
    void refusesCronExpressionsWithoutFiveFields() {
        assertThatThrownBy(() -> ScheduleTimes.cron("0 0 9 * * *")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleTimes.cron("61 9 * * *")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleTimes.at("24/12/2026 09:00")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Keys of the occurrences a scan every minute would see, with a one-hour look-back. */
    private static Set<String> keysScannedEveryMinute(Trigger.Schedule schedule, Instant from, Instant to) {
        Set<String> keys = new LinkedHashSet<>();
        for (Instant now = from; !now.isAfter(to); now = now.plus(Duration.ofMinutes(1))) {
            ScheduleTimes.latest(schedule, NEW_YORK, now.minus(Duration.ofHours(1)), now)
                    .ifPresent(due -> keys.add(due.key()));
        }
        return keys;
    }
}
