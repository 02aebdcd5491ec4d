package io.parley.worker.outbound.rich;

import io.parley.core.flow.Step;

import java.util.List;
import java.util.Optional;

/**
 * The text form of a message with options, for places that show text only (LINE's {@code altText} in
 * notifications and old clients, the inbox preview): the text, then one numbered line per option. A contact that
 * answers with the number gets what pressing the option gives ({@code NumberedAnswers} in the turn).
 */
public final class NumberedOptions {

    private NumberedOptions() {
    }

    /** {@code text}, a blank line, then {@code 1. label} (with {@code — description} when there is one) per option. */
    public static String render(String text, List<Step.Button> options, List<String> descriptions) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < options.size(); i++) {
            out.append(i == 0 ? "\n\n" : "\n").append(i + 1).append(". ").append(options.get(i).label());
            String description = i < descriptions.size() ? descriptions.get(i) : "";
            if (!description.isBlank()) {
                out.append(" — ").append(description);
            }
        }
        return out.toString();
    }

    /** Whether the text is an option number: 1-2 digits (full-width too), optionally with a dot. */
    public static boolean isNumber(String typed) {
        return digits(typed).matches("[0-9]{1,2}\\.?");
    }

    /** The option a typed answer names by its number ({@code 1}…{@code n}, full-width digits too), if it does. */
    public static Optional<Step.Button> chosen(String typed, List<Step.Button> options) {
        if (!isNumber(typed)) {
            return Optional.empty();
        }
        int number = Integer.parseInt(digits(typed).replace(".", ""));
        return number >= 1 && number <= options.size() ? Optional.of(options.get(number - 1)) : Optional.empty();
    }

    private static String digits(String typed) {
        return java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC).strip();
    }

    /** Cuts text to {@code max} characters, ending with an ellipsis when cut. */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
