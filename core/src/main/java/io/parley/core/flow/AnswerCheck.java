package io.parley.core.flow;

import io.parley.core.flow.capture.InputKind;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the contact's answer to an {@code ask} step as its {@link InputKind}, or finds it invalid. Answers are
 * NFKC-normalized first (full-width digits and letters become ASCII) and trimmed. What is stored is the normalized
 * value: a number without grouping ({@code 1,200} → {@code 1200}), a date as ISO {@code yyyy-MM-dd}, a phone as
 * {@code +} and digits, a choice as the chosen button's postback data.
 *
 * <p>Email and phone checks are deliberately loose shape checks (one {@code @} with a dotted domain; 6-15 digits
 * with an optional leading {@code +}, E.164's length): full RFC 5322 or per-country numbering plans would need a
 * library (commons-validator, libphonenumber) for little gain when the next step is a person reading the answer.
 */
public final class AnswerCheck {

    public static final int MAX_TEXT = 1000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9 ().-]+");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"));
    private static final long REGEX_BUDGET_NANOS = 50_000_000L;

    private AnswerCheck() {
    }

    /** Whether {@code text} is {@code word}, compared as keywords are (case, width and spacing aside). */
    public static boolean sameWord(String word, String text) {
        String normalized = MatchText.keyword(word);
        return !normalized.isEmpty() && normalized.equals(MatchText.keyword(text));
    }

    /** The value to store, or empty when the answer is not what the step asks for. */
    public static Optional<String> check(Step.Ask ask, FlowEvent answer) {
        if (answer instanceof FlowEvent.Postback pressed) {
            return ask.input() == InputKind.CHOICE && choices(ask).stream().anyMatch(b -> b.data().equals(pressed.data()))
                    ? Optional.of(pressed.data()) : Optional.empty();
        }
        if (!(answer instanceof FlowEvent.Text text)) {
            return Optional.empty();
        }
        String value = Normalizer.normalize(text.text(), Normalizer.Form.NFKC).strip();
        if (value.isEmpty() || value.length() > MAX_TEXT) {
            return Optional.empty();
        }
        return switch (ask.input()) {
            case TEXT -> Optional.of(value);
            case NUMBER -> number(value);
            case EMAIL -> EMAIL.matcher(value).matches() ? Optional.of(value) : Optional.empty();
            case PHONE -> phone(value);
            case DATE -> date(value);
            case CHOICE -> choice(ask, value);
            case REGEX -> regex(ask.pattern(), value);
            case ACCESS_CODE -> Optional.empty(); // redeemed against the bot's codes by the pipeline
        };
    }

    private static List<Step.Button> choices(Step.Ask ask) {
        return ask.buttons() == null ? List.of() : ask.buttons();
    }

    private static Optional<String> number(String value) {
        try {
            return Optional.of(new BigDecimal(value.replace(",", "")).toPlainString());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> phone(String value) {
        if (!PHONE_CHARACTERS.matcher(value).matches()) {
            return Optional.empty();
        }
        String digits = value.replaceAll("[^0-9]", "");
        return digits.length() >= 6 && digits.length() <= 15
                ? Optional.of((value.startsWith("+") ? "+" : "") + digits) : Optional.empty();
    }

    private static Optional<String> date(String value) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(value, format).toString());
            } catch (DateTimeParseException e) {
                // try the next accepted form
            }
        }
        return Optional.empty();
    }

    /** A typed answer picks a button by its label or its postback data, compared like keywords. */
    private static Optional<String> choice(Step.Ask ask, String value) {
        String typed = MatchText.keyword(value);
        return choices(ask).stream().filter(b -> MatchText.keyword(b.label()).equals(typed)
                || MatchText.keyword(b.postback()).equals(typed)).map(Step.Button::postback).findFirst();
    }

    /** The whole answer must match; a pattern that runs out of time counts as no match (as flow regexes do). */
    private static Optional<String> regex(String pattern, String value) {
        try {
            Pattern compiled = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return compiled.matcher(new TimeBoxedText(value, System.nanoTime() + REGEX_BUDGET_NANOS)).matches()
                    ? Optional.of(value) : Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }
}
