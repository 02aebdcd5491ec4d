package io.parley.core.flow.condition;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.parley.core.flow.condition.Condition.test;
import static io.parley.core.flow.condition.Condition.testValues;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionEvaluatorTest {

    /** Monday 7 December 2026, 23:30 UTC: already Tuesday 07:30 in Taipei. */
    private static final Instant MONDAY_LATE_UTC = Instant.parse("2026-12-07T23:30:00Z");

    private static ConditionFacts contact(Map<String, ?> attributes) {
        return new ConditionFacts("Mei", "premium", attributes, false, "line", MONDAY_LATE_UTC, () -> ZoneId.of("UTC"));
    }

    private static boolean holds(Condition condition, Map<String, ?> attributes) {
        return ConditionEvaluator.holds(condition, contact(attributes));
    }

    @Test
    void numbersCompareNumericallyAlsoWhenTheAttributeIsText() {
        assertThat(holds(test("contact.attributes.age", "gte", 18), Map.of("age", "18"))).isTrue();
        assertThat(holds(test("contact.attributes.age", "gte", 18), Map.of("age", 17))).isFalse();
        assertThat(holds(test("contact.attributes.age", "equals", 18), Map.of("age", "18.0"))).isTrue();
        assertThat(holds(test("contact.attributes.age", "gt", 18), Map.of("age", "eighteen"))).isFalse();
        assertThat(holds(test("contact.attributes.age", "lt", 18), Map.of())).as("missing is not less").isFalse();
        assertThat(holds(testValues("contact.attributes.score", "between", List.of(0, 100)), Map.of("score", 100)))
                .isTrue();
        assertThat(holds(testValues("contact.attributes.score", "between", List.of(0, 100)), Map.of("score", 101)))
                .isFalse();
    }

    @Test
    void textListsAndExistence() {
        assertThat(holds(test("contact.tier", "equals", "premium"), Map.of())).isTrue();
        assertThat(holds(testValues("contact.tier", "in", List.of("free", "gold")), Map.of())).isFalse();
        assertThat(holds(testValues("contact.tier", "not_in", List.of("free", "gold")), Map.of())).isTrue();
        assertThat(holds(test("contact.attributes.tags", "contains", "vip"), Map.of("tags", List.of("new", "vip"))))
                .isTrue();
        assertThat(holds(test("contact.attributes.setupDone", "exists", null), Map.of("setupDone", " ")))
                .as("blank text does not exist").isFalse();
        assertThat(holds(test("contact.attributes.setupDone", "not_exists", null), Map.of())).isTrue();
        assertThat(holds(test("contact.attributes.adult", "equals", true), Map.of("adult", "true"))).isTrue();
        assertThat(holds(test("contact.attributes.code", "not_equals", "A1"), Map.of())).isTrue();
    }

    @Test
    void datesComparedWithFixedDatesAndPeriodsFromToday() {
        Condition adult = test("contact.attributes.birthDate", "before", "-P18Y");
        assertThat(holds(adult, Map.of("birthDate", "2008-12-06"))).isTrue();
        assertThat(holds(adult, Map.of("birthDate", "2008-12-08"))).isFalse();
        assertThat(holds(adult, Map.of("birthDate", "not a date"))).isFalse();
        assertThat(holds(test("contact.attributes.paidUntil", "after", "2026-12-07T00:00:00Z"),
                Map.of("paidUntil", "2027-01-01"))).isTrue();
    }

    @Test
    void timeOfDayAndWeekdayAreReadInTheTenantsZone() {
        ConditionFacts utc = contact(Map.of());
        ConditionFacts taipei = new ConditionFacts(null, "free", Map.of(), false, "web", MONDAY_LATE_UTC,
                () -> ZoneId.of("Asia/Taipei"));
        Condition night = testValues("time", "between", List.of("22:00", "06:00"));
        Condition monday = test("weekday", "equals", "mon");

        assertThat(ConditionEvaluator.holds(night, utc)).as("23:30 is inside a range that wraps midnight").isTrue();
        assertThat(ConditionEvaluator.holds(night, taipei)).as("07:30 in Taipei").isFalse();
        assertThat(ConditionEvaluator.holds(monday, utc)).isTrue();
        assertThat(ConditionEvaluator.holds(monday, taipei)).isFalse();
        assertThat(ConditionEvaluator.holds(test("time", "after", "07:00"), taipei)).isTrue();
    }

    @Test
    void allAnyNotChannelAndTheSetupPage() {
        Condition setUpOnLine = Condition.allOf(List.of(test("contact.personaOverride", "exists", null),
                test("channel", "equals", "line")));
        ConditionFacts notSetUp = contact(Map.of());
        ConditionFacts setUp = new ConditionFacts("Mei", "free", Map.of(), true, "line", MONDAY_LATE_UTC,
                () -> ZoneId.of("UTC"));

        assertThat(ConditionEvaluator.holds(setUpOnLine, notSetUp)).isFalse();
        assertThat(ConditionEvaluator.holds(setUpOnLine, setUp)).isTrue();
        assertThat(ConditionEvaluator.holds(Condition.negate(setUpOnLine), notSetUp)).isTrue();
        assertThat(ConditionEvaluator.holds(Condition.anyOf(List.of(test("channel", "equals", "web"),
                test("contact.tier", "equals", "premium"))), notSetUp)).isTrue();
        assertThat(ConditionEvaluator.holds(null, notSetUp)).as("no condition: everyone").isTrue();
    }

    @Test
    void theTimeZoneIsOnlyAskedForWhenAConditionNeedsTheClock() {
        ConditionFacts facts = new ConditionFacts(null, "free", Map.of(), false, "web", MONDAY_LATE_UTC, () -> {
            throw new AssertionError("time zone read");
        });

        assertThat(ConditionEvaluator.holds(test("contact.tier", "equals", "free"), facts)).isTrue();
    }

    @Test
    void contactAccessCodeAsksWhetherTheContactRedeemedACodeOnlyWhenAConditionReadsIt() {
        int[] asked = new int[1];
        ConditionFacts redeemed = new ConditionFacts("Mei", "free", Map.of(), false, "line", MONDAY_LATE_UTC,
                () -> ZoneId.of("UTC"), Map.of(), () -> ++asked[0] > 0);
        ConditionFacts none = contact(Map.of());

        assertThat(ConditionEvaluator.holds(test("contact.tier", "equals", "free"), redeemed)).isTrue();
        assertThat(asked[0]).as("not asked for other fields").isZero();
        assertThat(ConditionEvaluator.holds(test("contact.accessCode", "exists", null), redeemed)).isTrue();
        assertThat(ConditionEvaluator.holds(test("contact.accessCode", "not_exists", null), redeemed)).isFalse();
        assertThat(ConditionEvaluator.holds(test("contact.accessCode", "exists", null), none)).isFalse();
        assertThat(ConditionEvaluator.holds(test("contact.accessCode", "exists", null),
                none.redeemed("student", Map.of()))).as("after redeeming in this turn").isTrue();
    }

    @Test
    void contactTagsAreASet() {
        ConditionFacts tagged = contact(Map.of()).withTags(List.of("vip", "台北"));
        ConditionFacts untagged = contact(Map.of("tags", List.of("vip")));
        assertThat(ConditionEvaluator.holds(test("contact.tags", "contains", "vip"), tagged)).isTrue();
        assertThat(ConditionEvaluator.holds(test("contact.tags", "contains", "VIP"), tagged))
                .as("tags match exactly").isFalse();
        assertThat(ConditionEvaluator.holds(test("contact.tags", "contains", "vip"), untagged))
                .as("an attribute named tags is not the tags").isFalse();
        assertThat(ConditionEvaluator.holds(testValues("contact.tags", "in", List.of("new", "台北")), tagged)).isTrue();
        assertThat(ConditionEvaluator.holds(testValues("contact.tags", "in", List.of("new", "gold")), tagged))
                .isFalse();
        assertThat(ConditionEvaluator.holds(test("contact.tags", "exists", null), tagged)).isTrue();
        assertThat(ConditionEvaluator.holds(test("contact.tags", "exists", null), untagged)).isFalse();
        assertThat(ConditionEvaluator.holds(Condition.negate(test("contact.tags", "contains", "vip")), untagged))
                .isTrue();
        assertThat(ConditionEvaluator.holds(test("contact.tags", "contains", "vip"),
                tagged.withAttributes(Map.of()).withVariables(Map.of()).redeemed("free", Map.of())))
                .as("tags survive the other changes").isTrue();
    }
}
