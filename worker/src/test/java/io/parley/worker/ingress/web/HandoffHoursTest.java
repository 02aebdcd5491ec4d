package io.parley.worker.ingress.web;

import io.parley.core.channel.BusinessHours;
import io.parley.core.channel.WebChannelSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The widget's "a person will answer" says from when only outside the channel's business hours (a fixed clock). */
class HandoffHoursTest {

    private static final WebChannelSettings WEEKDAYS_IN_TAIPEI = new WebChannelSettings(List.of(), false, null, null,
            null, null, null, new BusinessHours("Asia/Taipei", Map.of("mon", new BusinessHours.Hours("09:00", "18:00"),
            "tue", new BusinessHours.Hours("09:00", "18:00"))), null, null, null);

    private static HandoffHours at(String instant) {
        return new HandoffHours(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void insideTheHoursThePersonAnswersTextStandsAlone() {
        // Monday 10:00 in Taipei
        assertThat(at("2026-12-07T02:00:00Z").nextOpening(WEEKDAYS_IN_TAIPEI)).isNull();
    }

    @Test
    void outsideTheHoursTheWidgetIsToldWhenPeopleAreBack() {
        // Tuesday 19:00 in Taipei: back on Monday
        assertThat(at("2026-12-08T11:00:00Z").nextOpening(WEEKDAYS_IN_TAIPEI))
                .isEqualTo(new WebChatWire.Opening("mon", "09:00"));
    }

    @Test
    void withoutBusinessHoursNothingIsSaid() {
        assertThat(at("2026-12-08T11:00:00Z").nextOpening(WebChannelSettings.DEFAULTS)).isNull();
    }
}
