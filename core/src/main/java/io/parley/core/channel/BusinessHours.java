package io.parley.core.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When people answer a web chat channel (docs/web-chat.md#business-hours): its time zone and, per weekday
 * ({@code mon}…{@code sun}), the hours it is open; a day left out is closed. The widget's "a person will answer" then
 * says from when while it is closed.
 *
 * @param timeZone an IANA time zone, e.g. Asia/Taipei
 * @param days     weekday → open and close (HH:mm, open before close, the same day)
 */
@Serdeable
public record BusinessHours(String timeZone, Map<String, Hours> days) {

    /** The weekday keys, Monday first (as {@link java.time.DayOfWeek}). */
    public static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    public BusinessHours {
        days = days == null ? Map.of() : Map.copyOf(days);
    }

    /** One day's hours, e.g. 09:00 to 18:00. */
    @Serdeable
    public record Hours(String open, String close) {
    }

    /** When people next answer: a weekday key and the local opening time, e.g. ("mon", "09:00"). */
    public record Opening(String day, String time) {
    }

    /**
     * The field and message of the first rule these hours break, or empty when they are valid: a known time zone,
     * weekday keys only, open before close as HH:mm, at least one open day.
     */
    public Optional<Map.Entry<String, String>> violation() {
        try {
            ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            return Optional.of(Map.entry("businessHours.timeZone", "must be an IANA time zone name such as Asia/Taipei"));
        }
        if (days.isEmpty()) {
            return Optional.of(Map.entry("businessHours.days", "must open on at least one weekday"));
        }
        for (Map.Entry<String, Hours> day : days.entrySet()) {
            if (!DAYS.contains(day.getKey())) {
                return Optional.of(Map.entry("businessHours.days", "must be weekdays mon, tue, wed, thu, fri, sat, sun"));
            }
            Hours hours = day.getValue();
            if (hours == null || !time(hours.open()) || !time(hours.close()) || hours.open().compareTo(hours.close()) >= 0) {
                return Optional.of(Map.entry("businessHours.days." + day.getKey(),
                        "must open and close at times like 09:00 and 18:00, opening first"));
            }
        }
        return Optional.empty();
    }

    /** When people next answer after {@code now}: empty while open, or when no day is open. */
    public Optional<Opening> nextOpening(Instant now) {
        ZonedDateTime local = now.atZone(ZoneId.of(timeZone));
        LocalTime time = local.toLocalTime();
        for (int ahead = 0; ahead <= DAYS.size(); ahead++) {
            LocalDate date = local.toLocalDate().plusDays(ahead);
            String day = DAYS.get(date.getDayOfWeek().getValue() - 1);
            Hours hours = days.get(day);
            if (hours == null) {
                continue;
            }
            LocalTime open = LocalTime.parse(hours.open());
            if (ahead == 0 && !time.isBefore(open) && time.isBefore(LocalTime.parse(hours.close()))) {
                return Optional.empty();
            }
            if (ahead > 0 || time.isBefore(open)) {
                return Optional.of(new Opening(day, hours.open()));
            }
        }
        return Optional.empty();
    }

    private static boolean time(@Nullable String text) {
        return text != null && TIME.matcher(text).matches();
    }
}
