package io.parley.core.flow.condition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.parley.core.flow.condition.Condition.test;
import static io.parley.core.flow.condition.Condition.testValues;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionRulesTest {

    @Test
    void aValidConditionHasNoErrors() {
        Condition condition = Condition.allOf(List.of(test("contact.attributes.age", "gte", 18),
                testValues("time", "between", List.of("22:00", "06:00")),
                Condition.negate(test("contact.personaOverride", "exists", null))));

        assertThat(ConditionRules.check(condition, "condition")).isEmpty();
    }

    @Test
    void everyProblemIsNamedByItsPath() {
        Condition condition = Condition.allOf(List.of(test("contact.favourite", "equals", "x"),
                test("contact.tier", "gt", 3), test("contact.attributes.age", "gte", "eighteen"),
                testValues("weekday", "in", List.of("monday")), test("time", "before", "9am"),
                test("contact.attributes.birthDate", "before", "last year"),
                new Condition(null, null, null, "channel", "equals", "line", List.of("web"))));

        assertThat(ConditionRules.check(condition, "trigger.until")).extracting(ConditionRules.Error::field)
                .containsExactly("trigger.until.all[0].field", "trigger.until.all[1].op",
                        "trigger.until.all[2].value", "trigger.until.all[3].values[0]", "trigger.until.all[4].value",
                        "trigger.until.all[5].value", "trigger.until.all[6].values");
    }

    @Test
    void shapesAreExclusiveAndBounded() {
        Condition both = new Condition(List.of(test("contact.tier", "equals", "free")), null, null, "channel", "equals",
                "web", null);
        Condition deep = Condition.negate(Condition.negate(Condition.negate(Condition.negate(
                Condition.negate(test("contact.tier", "equals", "free"))))));

        assertThat(ConditionRules.check(both, "condition")).extracting(ConditionRules.Error::field)
                .containsExactly("condition");
        assertThat(ConditionRules.check(deep, "condition")).extracting(ConditionRules.Error::message)
                .containsExactly("nests all/any/not deeper than 4 levels");
        assertThat(ConditionRules.check(testValues("contact.attributes.n", "between", List.of(5, 1)), "c"))
                .extracting(ConditionRules.Error::field).containsExactly("c.values");
    }

    @Test
    void contactAccessCodeTakesOnlyExistsAndNotExists() {
        assertThat(ConditionRules.check(Condition.test("contact.accessCode", "exists", null), "until")).isEmpty();
        assertThat(ConditionRules.check(Condition.test("contact.accessCode", "equals", "yes"), "until"))
                .extracting(ConditionRules.Error::field).containsExactly("until.op");
    }

    @Test
    void contactTagsTakeContainsInAndExistsWithValidTags() {
        assertThat(ConditionRules.check(Condition.test("contact.tags", "contains", "vip"), "condition")).isEmpty();
        assertThat(ConditionRules.check(Condition.testValues("contact.tags", "in", List.of("vip", "台北")), "c"))
                .isEmpty();
        assertThat(ConditionRules.check(Condition.test("contact.tags", "exists", null), "c")).isEmpty();
        assertThat(ConditionRules.check(Condition.test("contact.tags", "equals", "vip"), "c"))
                .extracting(ConditionRules.Error::field).containsExactly("c.op");
        assertThat(ConditionRules.check(Condition.test("contact.tags", "contains", 7), "c"))
                .extracting(ConditionRules.Error::field).containsExactly("c.value");
        assertThat(ConditionRules.check(Condition.testValues("contact.tags", "in", List.of("ok", "no;semicolons")), "c"))
                .extracting(ConditionRules.Error::field).containsExactly("c.values[1]");
    }
}
