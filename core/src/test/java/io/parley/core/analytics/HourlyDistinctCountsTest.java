package io.parley.core.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hour-grouped distinct counts (active and new contacts, active conversations; per bucket and over the range) read
 * from the precomputed active hours equal a brute-force count of the raw messages, for a tenant in
 * America/New_York over 31 days across the end of DST (2026-11-01: the local hour 01:00 happens twice, two buckets),
 * unfiltered and filtered by bot and by channel.
 */
@MicronautTest(transactional = false)
class HourlyDistinctCountsTest implements DatabaseTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate FROM = LocalDate.of(2026, 10, 20);
    static final LocalDate TO = LocalDate.of(2026, 11, 19);

    @Inject
    AnalyticsRollup rollup;
    @Inject
    TrafficFigures traffic;
    @Inject
    QualityFigures quality;
    @Inject
    ContainmentFigures containment;

    SeededHistory history;
    RawActivity raw;

    @BeforeAll
    void history() {
        history = SeededHistory.create(NEW_YORK.getId());
        // dense enough that most hours of the range have several contacts, some in two channels
        history.generate(42, 400, 40, TO.plusDays(3).atStartOfDay(NEW_YORK).toInstant());
        rollup.refresh(history.tenant());
        raw = RawActivity.of(history);
    }

    @Test
    void activeAndNewContactsPerHourEqualABruteForceCount() {
        for (UUID[] filter : filters()) {
            AnalyticsRange range = range(filter[0], filter[1]);
            Map<String, long[]> expected = expected(range);
            AnalyticsTable table = traffic.contacts(range);

            assertThat(table.rows()).hasSize(31 * 24 + 1); // the day DST ends has 25 hours
            for (Map<String, Object> row : table.rows()) {
                long[] counts = expected.getOrDefault((String) row.get("bucket"), new long[3]);
                assertThat(List.of(row.get("activeContacts"), row.get("newContacts")))
                        .as("%s %s", row.get("bucket"), Arrays.toString(filter))
                        .containsExactly(counts[0], counts[1]);
            }
            assertThat(expected.values().stream().mapToLong(v -> v[0]).sum()).isGreaterThan(100);
        }
    }

    @Test
    void activeContactsAndConversationsOfLlmAndContainmentEqualABruteForceCount() {
        for (UUID[] filter : filters()) {
            AnalyticsRange range = range(filter[0], filter[1]);
            Map<String, long[]> expected = expected(range);
            AnalyticsTable llm = quality.llm(range);
            AnalyticsTable contained = containment.containment(range);

            for (int i = 0; i < llm.rows().size(); i++) {
                Map<String, Object> row = llm.rows().get(i);
                long[] counts = expected.getOrDefault((String) row.get("bucket"), new long[3]);
                assertThat(List.of(row.get("activeContacts"), row.get("activeConversations"),
                        contained.rows().get(i).get("activeConversations")))
                        .as("%s %s", row.get("bucket"), Arrays.toString(filter))
                        .containsExactly(counts[0], counts[2], counts[2]);
            }
            long[] total = total(range);
            assertThat(List.of(llm.totals().get("activeContacts"), llm.totals().get("activeConversations"),
                    contained.totals().get("activeConversations")))
                    .containsExactly(total[0], total[1], total[1]);
        }
    }

    private List<UUID[]> filters() {
        return List.of(new UUID[]{null, null}, new UUID[]{history.bots().get(0), null},
                new UUID[]{null, history.channels().get(1)}, new UUID[]{history.bots().get(1),
                        history.channels().get(2)});
    }

    private AnalyticsRange range(@Nullable UUID bot, @Nullable UUID channel) {
        return new AnalyticsRange(history.tenant().value(), NEW_YORK, FROM, TO, AnalyticsRange.Unit.HOUR, bot,
                channel);
    }

    /** Per hour label: {@code [active contacts, of them first seen that hour, active conversations]}. */
    private Map<String, long[]> expected(AnalyticsRange range) {
        Map<String, Set<UUID>> contacts = new HashMap<>();
        Map<String, Set<UUID>> fresh = new HashMap<>();
        Map<String, Set<List<UUID>>> conversations = new HashMap<>();
        for (RawActivity.Fact fact : raw.facts()) {
            if (fact.inbound() && fact.in(range.bot(), range.channel()) && !fact.at().isBefore(range.start())
                    && fact.at().isBefore(range.end())) {
                String hour = label(fact.at());
                contacts.computeIfAbsent(hour, k -> new HashSet<>()).add(fact.contact());
                if (label(fact.contactSeen()).equals(hour)) {
                    fresh.computeIfAbsent(hour, k -> new HashSet<>()).add(fact.contact());
                }
                conversations.computeIfAbsent(hour, k -> new HashSet<>()).add(List.of(fact.channel(), fact.contact()));
            }
        }
        Map<String, long[]> expected = new HashMap<>();
        contacts.forEach((hour, set) -> expected.put(hour, new long[]{set.size(),
                fresh.getOrDefault(hour, Set.of()).size(), conversations.get(hour).size()}));
        return expected;
    }

    /** Over the whole range: {@code [active contacts, active conversations]}. */
    private long[] total(AnalyticsRange range) {
        Set<UUID> contacts = new HashSet<>();
        Set<List<UUID>> conversations = new HashSet<>();
        for (RawActivity.Fact fact : raw.facts()) {
            if (fact.inbound() && fact.in(range.bot(), range.channel()) && !fact.at().isBefore(range.start())
                    && fact.at().isBefore(range.end())) {
                contacts.add(fact.contact());
                conversations.add(List.of(fact.channel(), fact.contact()));
            }
        }
        return new long[]{contacts.size(), conversations.size()};
    }

    /** The hour's label as the figures write it: its local start and offset (New York's buckets are UTC hours). */
    private static String label(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.HOURS), NEW_YORK).toString();
    }
}
