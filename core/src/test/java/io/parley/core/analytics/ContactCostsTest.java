package io.parley.core.analytics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code costs?by=contact} gives, for any range and filter, the contacts ranked as a brute-force sum of the raw LLM
 * calls and messages does: cost (most first, then contact id), LLM calls, messages in, conversations; generated
 * history of 90 days in Asia/Taipei.
 */
@MicronautTest(transactional = false)
class ContactCostsTest implements DatabaseTest {

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final LocalDate TO = LocalDate.of(2026, 11, 30);

    @Inject
    AnalyticsRollup rollup;
    @Inject
    QualityFigures quality;
    @Inject
    TrafficFigures traffic;

    SeededHistory history;
    RawActivity raw;

    @BeforeAll
    void history() {
        history = SeededHistory.create(TAIPEI.getId());
        history.generate(3, 300, 90, TO.plusDays(1).atStartOfDay(TAIPEI).toInstant());
        rollup.refresh(history.tenant());
        raw = RawActivity.of(history);
    }

    @Test
    void theMostExpensiveContactsAreThoseOfABruteForceSum() {
        List<UUID[]> filters = List.of(new UUID[]{null, null}, new UUID[]{history.bots().get(0), null},
                new UUID[]{null, history.channels().get(1)});
        for (UUID[] filter : filters) {
            for (LocalDate from : List.of(TO.minusDays(29), TO.minusDays(89), TO.minusDays(6))) {
                for (int limit : List.of(10, 1000)) {
                    AnalyticsRange range = new AnalyticsRange(history.tenant().value(), TAIPEI, from, TO,
                            AnalyticsRange.Unit.DAY, filter[0], filter[1]);
                    List<Map<String, Object>> expected = expected(range, limit);

                    AnalyticsTable table = quality.costs(range, QualityFigures.CostGroup.CONTACT, limit);

                    assertThat(table.columns()).isEqualTo(ContactCosts.COLUMNS);
                    assertThat(table.rows()).as("%s from %s", java.util.Arrays.toString(filter), from)
                            .isEqualTo(expected);
                    assertThat(expected).hasSizeGreaterThan(limit == 10 ? 9 : 20);
                }
            }
        }
    }

    @Test
    void theTenMostExpensiveContactsOf90DaysComeFromTheMonthBoundsWithoutSummingEveryContact() {
        AnalyticsRange range = new AnalyticsRange(history.tenant().value(), TAIPEI, TO.minusDays(89), TO,
                AnalyticsRange.Unit.DAY, null, null);

        List<Object[]> rows = traffic.read(range, connection -> ContactCosts.fromBounds(connection, range, 10));
        ContactMonths.Candidates first = traffic.read(range, connection -> ContactMonths.candidates(connection,
                range, 64));

        assertThat(first.exhausted()).isFalse(); // the first 64 of each month were enough: the rest was never summed
        assertThat(first.contacts()).hasSizeLessThan(expected(range, 1000).size());
        assertThat((Long) expected(range, 10).getLast().get("costMicros")).isGreaterThan(first.threshold());
        assertThat(rows).isNotNull();
        assertThat(rows.stream().map(row -> row[0].toString()).toList())
                .isEqualTo(expected(range, 10).stream().map(row -> row.get("contactId")).toList());
    }

    @Test
    void shallowListsReadDeeperKeepingWhatWasSummedAndTheAnswerStaysExact() {
        List<UUID[]> filters = List.of(new UUID[]{null, null}, new UUID[]{history.bots().get(0), null});
        for (UUID[] filter : filters) {
            for (LocalDate from : List.of(TO.minusDays(89), TO.minusDays(40), TO.minusDays(6))) {
                for (int limit : List.of(1, 5, 20)) {
                    AnalyticsRange range = new AnalyticsRange(history.tenant().value(), TAIPEI, from, TO,
                            AnalyticsRange.Unit.DAY, filter[0], filter[1]);
                    for (int depth : List.of(1, 3, 8)) {
                        List<Object[]> rows = traffic.read(range, connection -> ContactCosts.fromBounds(connection,
                                range, limit, depth));

                        assertThat(rows).isNotNull();
                        assertThat(rows.stream().map(row -> List.of(row[0].toString(), Jdbc.number(row[2]))).toList())
                                .as("%s from %s, limit %d, depth %d", java.util.Arrays.toString(filter), from, limit,
                                        depth)
                                .isEqualTo(expected(range, limit).stream()
                                        .map(row -> List.of(row.get("contactId"), row.get("costMicros"))).toList());
                    }
                }
            }
        }
    }

    @Test
    void eachCandidatesBoundIsAtLeastItsCostInTheRangeSoTheBatchesSummedFromTheHighestBoundMissNone() {
        for (LocalDate from : List.of(TO.minusDays(89), TO.minusDays(40))) {
            AnalyticsRange range = new AnalyticsRange(history.tenant().value(), TAIPEI, from, TO,
                    AnalyticsRange.Unit.DAY, null, null);
            Map<String, Long> costs = new HashMap<>();
            expected(range, 1000).forEach(row -> costs.put((String) row.get("contactId"), (Long) row.get("costMicros")));

            ContactMonths.Candidates candidates = traffic.read(range, connection -> ContactMonths.candidates(connection,
                    range, 16));

            assertThat(candidates.bounds()).hasSizeGreaterThan(16);
            candidates.bounds().forEach((contact, bound) -> assertThat(bound).as("contact %s from %s", contact, from)
                    .isGreaterThanOrEqualTo(costs.getOrDefault(contact.toString(), 0L)));
            assertThat(costs.values().stream().filter(cost -> cost > candidates.threshold()).count())
                    .as("contacts costing more than the threshold are all candidates")
                    .isLessThanOrEqualTo(costs.entrySet().stream().filter(cost -> cost.getValue() > candidates.threshold()
                            && candidates.bounds().containsKey(UUID.fromString(cost.getKey()))).count());
        }
    }

    /** Each contact active in the range, summed from the raw rows, most expensive first, then by id. */
    private List<Map<String, Object>> expected(AnalyticsRange range, int limit) {
        Map<UUID, long[]> sums = new HashMap<>();
        Map<UUID, Set<UUID>> channels = new HashMap<>();
        for (RawActivity.Fact fact : raw.facts()) {
            if (fact.in(range.bot(), range.channel()) && !fact.at().isBefore(range.start())
                    && fact.at().isBefore(range.end())) {
                long[] sum = sums.computeIfAbsent(fact.contact(), k -> new long[3]);
                sum[0] += fact.llm() ? 1 : 0;
                sum[1] += Math.max(0, fact.cost());
                sum[2] += fact.inbound() ? 1 : 0;
                channels.computeIfAbsent(fact.contact(), k -> new HashSet<>()).add(fact.channel());
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        sums.entrySet().stream()
                .sorted(Comparator.<Map.Entry<UUID, long[]>>comparingLong(e -> -e.getValue()[1])
                        .thenComparing(e -> e.getKey().toString()))
                .limit(limit)
                .forEach(e -> rows.add(AnalyticsTable.row(ContactCosts.COLUMNS, e.getKey().toString(),
                        e.getValue()[0], e.getValue()[1], e.getValue()[2], 1L,
                        (long) channels.get(e.getKey()).size(), e.getValue()[1])));
        return rows;
    }
}
