package io.parley.core.channel;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Business hours of a web chat channel: from when a person answers, in the hours' own time zone. */
class BusinessHoursTest {

    private static final BusinessHours.Hours NINE_TO_SIX = new BusinessHours.Hours("09:00", "18:00");
    /** Weekdays 09:00-18:00 in Taipei (UTC+8); Saturday and Sunday closed. */
    private static final BusinessHours WEEKDAYS = new BusinessHours("Asia/Taipei", Map.of("mon", NINE_TO_SIX,
            "tue", NINE_TO_SIX, "wed", NINE_TO_SIX, "thu", NINE_TO_SIX, "fri", NINE_TO_SIX));

    @Test
    void insideTheHoursNobodyIsAway() {
        // Monday 2026-12-07 10:30 in Taipei
        assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-12-07T02:30:00Z"))).isEmpty();
    }

    @Test
    void beforeOpeningAPersonAnswersFromTodaysOpening() {
        // Monday 07:00 in Taipei, although it is still Sunday in UTC
        assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-12-06T23:00:00Z")))
                .contains(new BusinessHours.Opening("mon", "09:00"));
    }

    @Test
    void atClosingTimeAPersonAnswersFromTheNextOpenDay() {
        // Friday 2026-12-11 18:00 in Taipei: the weekend is closed
        assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-12-11T10:00:00Z")))
                .contains(new BusinessHours.Opening("mon", "09:00"));
        // Tuesday 20:00
        assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-12-08T12:00:00Z")))
                .contains(new BusinessHours.Opening("wed", "09:00"));
    }

    @Test
    void aSingleOpenDayIsFoundAWeekAhead() {
        BusinessHours mondays = new BusinessHours("UTC", Map.of("mon", NINE_TO_SIX));
        // Monday 19:00 UTC: next Monday
        assertThat(mondays.nextOpening(Instant.parse("2026-12-07T19:00:00Z")))
                .contains(new BusinessHours.Opening("mon", "09:00"));
    }

    @Test
    void badHoursAreNamedByTheirField() {
        assertThat(WEEKDAYS.violation()).isEmpty();
        assertThat(new BusinessHours("Mars/Olympus", Map.of("mon", NINE_TO_SIX)).violation())
                .map(Map.Entry::getKey).contains("businessHours.timeZone");
        assertThat(new BusinessHours("UTC", Map.of()).violation())
                .map(Map.Entry::getValue).contains("must open on at least one weekday");
        assertThat(new BusinessHours("UTC", Map.of("monday", NINE_TO_SIX)).violation())
                .map(Map.Entry::getKey).contains("businessHours.days");
        assertThat(new BusinessHours("UTC", Map.of("tue", new BusinessHours.Hours("18:00", "09:00"))).violation())
                .map(Map.Entry::getKey).contains("businessHours.days.tue");
        assertThat(new BusinessHours("UTC", Map.of("tue", new BusinessHours.Hours("9:00", "24:00"))).violation())
                .map(Map.Entry::getKey).contains("businessHours.days.tue");
    }
}
