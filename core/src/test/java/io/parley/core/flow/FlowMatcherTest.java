package io.parley.core.flow;

import io.parley.core.flow.condition.Condition;
import io.parley.core.flow.condition.ConditionFacts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FlowMatcherTest {

    private final List<UUID> ids = new ArrayList<>();

    @Test
    void exactKeywordMatchesOnlyTheWholeMessage() {
        Flow hours = flow(0, new Trigger.Keyword(List.of("hours"), Trigger.Match.EXACT));
        FlowMatcher matcher = FlowMatcher.of(List.of(hours));

        assertThat(matcher.match(text("hours")).flow()).isEqualTo(hours);
        assertThat(matcher.match(text("  Hours \n")).flow()).isEqualTo(hours);
        assertThat(matcher.match(text("opening hours?")).flow()).isNull();
    }

    @Test
    void containsKeywordMatchesAnywhereInTheMessage() {
        Flow price = flow(0, new Trigger.Keyword(List.of("price", "cost"), Trigger.Match.CONTAINS));
        FlowMatcher matcher = FlowMatcher.of(List.of(price));

        assertThat(matcher.match(text("What's the PRICE of a latte?")).flow()).isEqualTo(price);
        assertThat(matcher.match(text("how much does it cost")).flow()).isEqualTo(price);
        assertThat(matcher.match(text("hello")).flow()).isNull();
    }

    @Test
    void keywordsIgnoreCaseAndCharacterWidthInEveryScript() {
        Flow menu = flow(0, new Trigger.Keyword(List.of("MENU", "メニュー", "カタカナ"), Trigger.Match.EXACT));
        Flow hello = flow(0, new Trigger.Keyword(List.of("straße", "Σοφία"), Trigger.Match.CONTAINS));
        FlowMatcher matcher = FlowMatcher.of(List.of(menu, hello));

        assertThat(matcher.match(text("ｍｅｎｕ")).flow()).as("full-width Latin").isEqualTo(menu);
        assertThat(matcher.match(text("Ｍｅｎｕ　")).flow()).as("ideographic space is trimmed").isEqualTo(menu);
        assertThat(matcher.match(text("ﾒﾆｭｰ")).flow()).as("half-width katakana").isEqualTo(menu);
        assertThat(matcher.match(text("ｶﾀｶﾅ")).flow()).isEqualTo(menu);
        assertThat(matcher.match(text("Where is STRASSE 5")).flow()).as("ß folds to ss").isEqualTo(hello);
        assertThat(matcher.match(text("ΣΟΦΊΑ")).flow()).as("Greek upper case").isEqualTo(hello);
    }

    @Test
    void chineseAndJapaneseKeywordsMatchInsideSentences() {
        Flow booking = flow(0, new Trigger.Keyword(List.of("預約", "予約"), Trigger.Match.CONTAINS));
        Flow exact = flow(0, new Trigger.Keyword(List.of("營業時間"), Trigger.Match.EXACT));
        FlowMatcher matcher = FlowMatcher.of(List.of(booking, exact));

        assertThat(matcher.match(text("我想預約明天下午")).flow()).isEqualTo(booking);
        assertThat(matcher.match(text("明日の予約をお願いします")).flow()).isEqualTo(booking);
        assertThat(matcher.match(text(" 營業時間 ")).flow()).isEqualTo(exact);
        assertThat(matcher.match(text("營業時間是？")).flow()).isNull();
        assertThat(matcher.match(text("预约")).flow()).as("simplified is a different keyword").isNull();
    }

    @Test
    void regexIsFoundAnywhereCaseInsensitivelyAfterWidthFolding() {
        Flow order = flow(0, new Trigger.Regex("order\\s*#?(\\d{4,})"));
        Flow greek = flow(0, new Trigger.Regex("^καλημέρα"));
        FlowMatcher matcher = FlowMatcher.of(List.of(order, greek));

        assertThat(matcher.match(text("where is ORDER #12345?")).flow()).isEqualTo(order);
        assertThat(matcher.match(text("ｏｒｄｅｒ　１２３４５")).flow()).as("full-width digits").isEqualTo(order);
        assertThat(matcher.match(text("ΚΑΛΗΜΈΡΑ σας")).flow()).as("unicode case").isEqualTo(greek);
        assertThat(matcher.match(text("order 12")).flow()).isNull();
    }

    @Test
    void postbackMatchesExactDataAndOnlyPostbacks() {
        Flow yes = flow(0, new Trigger.Postback("confirm=yes"));
        FlowMatcher matcher = FlowMatcher.of(List.of(yes));

        assertThat(matcher.match(new FlowEvent.Postback("confirm=yes")).flow()).isEqualTo(yes);
        assertThat(matcher.match(new FlowEvent.Postback("confirm=YES")).flow()).isNull();
        assertThat(matcher.match(text("confirm=yes")).flow()).isNull();
    }

    @Test
    void followFlowAnswersOnlyFollowEvents() {
        Flow welcome = flow(0, new Trigger.Follow());
        Flow anything = flow(0, new Trigger.Keyword(List.of(""), Trigger.Match.CONTAINS));
        FlowMatcher matcher = FlowMatcher.of(List.of(welcome, anything));

        assertThat(matcher.match(new FlowEvent.Follow()).flow()).isEqualTo(welcome);
        assertThat(matcher.match(text("follow")).flow()).as("an empty keyword matches nothing").isNull();
    }

    @Test
    void fallbackAnswersOnlyWhenNothingElseMatches() {
        Flow fallback = flow(100, new Trigger.Fallback());
        Flow hours = flow(0, new Trigger.Keyword(List.of("hours"), Trigger.Match.EXACT));
        Flow button = flow(0, new Trigger.Postback("menu"));
        FlowMatcher matcher = FlowMatcher.of(List.of(fallback, hours, button));

        assertThat(matcher.match(text("hours")).flow()).as("despite its higher priority").isEqualTo(hours);
        assertThat(matcher.match(new FlowEvent.Postback("menu")).flow()).isEqualTo(button);
        assertThat(matcher.match(text("something else")).flow()).isEqualTo(fallback);
        assertThat(matcher.match(new FlowEvent.Postback("old-button")).flow()).isEqualTo(fallback);
        assertThat(matcher.match(new FlowEvent.Follow()).flow()).as("follow is the welcome message's job").isNull();
    }

    @Test
    void highestPriorityWinsThenTheOldestFlow() {
        Flow oldLow = flow(0, new Trigger.Keyword(List.of("hi"), Trigger.Match.CONTAINS));
        Flow oldHigh = flow(5, new Trigger.Keyword(List.of("hi"), Trigger.Match.CONTAINS));
        Flow newHigh = flow(5, new Trigger.Regex("h"));
        Flow fallbackLow = flow(-1, new Trigger.Fallback());
        Flow fallbackHigh = flow(3, new Trigger.Fallback());

        assertThat(FlowMatcher.of(List.of(newHigh, oldLow, oldHigh)).match(text("hi")).flow()).isEqualTo(oldHigh);
        assertThat(FlowMatcher.of(List.of(newHigh, oldLow)).match(text("hi")).flow()).isEqualTo(newHigh);
        assertThat(FlowMatcher.of(List.of(fallbackLow, fallbackHigh)).match(text("x")).flow()).isEqualTo(fallbackHigh);
    }

    @Test
    void idsTieBreakInPostgresUuidOrderNotJavaSignedOrder() {
        UUID low = UUID.fromString("01000000-0000-7000-8000-000000000000");
        UUID high = UUID.fromString("f1000000-0000-7000-8000-000000000000");
        Flow first = new Flow(low, "low", true, 0, new Trigger.Keyword(List.of("x"), Trigger.Match.EXACT), List.of());
        Flow second = new Flow(high, "high", true, 0, new Trigger.Keyword(List.of("x"), Trigger.Match.EXACT), List.of());

        assertThat(high.compareTo(low)).as("Java's signed order puts f1... first").isNegative();
        assertThat(FlowMatcher.of(List.of(second, first)).match(text("x")).flow()).isEqualTo(first);
    }

    @Test
    void disabledFlowsAreIgnored() {
        Flow disabled = withEnabled(flow(9, new Trigger.Keyword(List.of("hi"), Trigger.Match.EXACT)), false);
        Flow disabledFallback = withEnabled(flow(0, new Trigger.Fallback()), false);
        Flow enabled = flow(0, new Trigger.Regex("^hi$"));
        FlowMatcher matcher = FlowMatcher.of(List.of(disabled, disabledFallback, enabled));

        assertThat(matcher.match(text("hi")).flow()).isEqualTo(enabled);
        assertThat(matcher.match(text("bye")).flow()).isNull();
    }

    @Test
    void textbookReDoSPatternIsAnsweredWithinTheBudget() {
        Flow classic = flow(1, new Trigger.Regex("(a+)+$"));
        Flow fallback = flow(0, new Trigger.Fallback());
        FlowMatch match = FlowMatcher.of(List.of(classic, fallback), Duration.ofMillis(1000))
                .match(text("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"));

        // Exponential in many engines; Java 9+ memoizes this greedy loop, so it fails fast and honestly (no match)
        // and the next flow is still considered. The patterns below are the ones Java cannot memoize.
        assertThat(match.flow()).isEqualTo(fallback);
        assertThat(match.timedOut()).isEmpty();
    }

    @Test
    void catastrophicBacktrackingFailsThatFlowNotTheMatch() {
        // Back-references and nested groups defeat Java's loop memoization: 2^36 paths without the budget.
        Flow backReference = flow(9, new Trigger.Regex("(a+)+\\1$"));
        Flow nested = flow(8, new Trigger.Regex("^((a+)+)+b"));
        Flow sane = flow(1, new Trigger.Keyword(List.of("aaaa"), Trigger.Match.CONTAINS));
        FlowMatcher matcher = FlowMatcher.of(List.of(backReference, nested, sane), Duration.ofMillis(50));

        long started = System.nanoTime();
        FlowMatch match = matcher.match(text("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(match.flow()).isEqualTo(sane);
        assertThat(match.timedOut()).containsExactly(backReference, nested);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void ordinaryPatternsOnLongMessagesAreNotCutShort() {
        Flow refund = flow(0, new Trigger.Regex("\\b(refund|return)\\b"));
        String message = "lorem ipsum dolor sit amet ".repeat(180) + "I want a refund";

        FlowMatch match = FlowMatcher.of(List.of(refund), Duration.ofMillis(1000)).match(text(message));

        assertThat(match.flow()).isEqualTo(refund);
        assertThat(match.timedOut()).isEmpty();
    }

    @Test
    void patternsThatDoNotCompileOrAreTooLongNeverMatch() {
        Flow broken = flow(2, new Trigger.Regex("(unclosed"));
        Flow huge = flow(1, new Trigger.Regex("a".repeat(FlowLimits.MAX_PATTERN_LENGTH + 1)));
        FlowMatcher matcher = FlowMatcher.of(List.of(broken, huge));

        assertThat(matcher.match(text("(unclosed " + "a".repeat(600))).flow()).isNull();
    }

    private Flow flow(int priority, Trigger trigger) {
        // Ids made in creation order, as UUIDv7 ids are.
        UUID id = new UUID(0x0190_0000_0000_7000L + ids.size(), 0x8000_0000_0000_0000L);
        ids.add(id);
        return new Flow(id, trigger.type() + ids.size(), true, priority, trigger, List.of(new Step.Text("ok")));
    }

    private static Flow withEnabled(Flow flow, boolean enabled) {
        return new Flow(flow.id(), flow.name(), enabled, flow.priority(), flow.trigger(), flow.steps());
    }

    private static FlowEvent text(String text) {
        return new FlowEvent.Text(text);
    }

    @Test
    void aClosedGateAnswersEveryMessageButItsOwnButtonsUntilItsConditionHolds() {
        Condition adult = Condition.test(
                "contact.attributes.adult", "equals", "yes");
        Flow gate = new Flow(UUID.randomUUID(), "age gate", true, -5, new Trigger.Gate(adult), List.of(new Step.Buttons(
                "Are you 18 or older?", List.of(new Step.Button("Yes", "age=yes")), Step.Style.BUTTONS)));
        Flow yes = new Flow(UUID.randomUUID(), "yes", true, 0, new Trigger.Postback("age=yes"), List.of(new Step.Text("ok")));
        Flow hours = new Flow(UUID.randomUUID(), "hours", true, 10, new Trigger.Keyword(List.of("hours"), Trigger.Match.EXACT),
                List.of(new Step.Text("10-18")));
        FlowMatcher matcher = FlowMatcher.of(List.of(gate, yes, hours));
        ConditionFacts minor = facts(Map.of());
        ConditionFacts confirmed = facts(Map.of("adult", "yes"));

        assertThat(matcher.match(text("hours"), minor).flow()).as("despite the keyword's priority").isEqualTo(gate);
        assertThat(matcher.match(new FlowEvent.Postback("age=yes"), minor).flow()).isEqualTo(yes);
        assertThat(matcher.match(new FlowEvent.Postback("other"), minor).flow()).isEqualTo(gate);
        assertThat(matcher.match(new FlowEvent.Follow(), minor).flow()).as("follow events are not gated").isNull();
        assertThat(matcher.match(text("hours"), confirmed).flow()).isEqualTo(hours);
        assertThat(matcher.match(text("hello"), confirmed).flow()).as("an open gate leaves it to the LLM").isNull();
    }

    @Test
    void aFlowWithAConditionTakesPartOnlyWhereItHolds() {
        Flow premium = new Flow(UUID.randomUUID(), "premium menu", true, 0,
                new Trigger.Keyword(List.of("menu"), Trigger.Match.EXACT), List.of(new Step.Text("gold")),
                Condition.test("contact.tier", "equals", "premium"));
        Flow everyone = new Flow(UUID.randomUUID(), "menu", true, -1,
                new Trigger.Keyword(List.of("menu"), Trigger.Match.EXACT), List.of(new Step.Text("basic")));
        FlowMatcher matcher = FlowMatcher.of(List.of(premium, everyone));

        assertThat(matcher.match(text("menu"), facts(Map.of())).flow()).isEqualTo(everyone);
        assertThat(matcher.match(text("menu"), new ConditionFacts(null, "premium",
                Map.of(), false, "line", Instant.now(), () -> ZoneOffset.UTC)).flow())
                .isEqualTo(premium);
    }

    private static ConditionFacts facts(Map<String, ?> attributes) {
        return new ConditionFacts(null, "free", attributes, false, "line",
                Instant.now(), () -> ZoneOffset.UTC);
    }
}
