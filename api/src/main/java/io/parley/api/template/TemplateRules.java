package io.parley.api.template;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a new template before it goes to Meta, so the tenant sees every mistake at once, next to its field, instead
 * of Meta's one-at-a-time error 100. The limits are Meta's (docs/whatsapp-templates.md, "Protocol"): name
 * {@code [a-z0-9_]} ≤ 512; at most one HEADER, FOOTER and BUTTONS and exactly one BODY; header text ≤ 60 with at most
 * one variable; body ≤ 1,024 with variables {{1}}…{{n}} numbered from 1 without gaps and one example value each;
 * footer ≤ 60 without variables; 1–10 buttons (quick reply, at most 2 URL, at most 1 phone number), labels ≤ 25.
 * AUTHENTICATION templates (one-time-password buttons) are not offered by Parley's editor yet and are refused.
 */
final class TemplateRules {

    static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,20}");
    private static final List<String> CATEGORIES = List.of("MARKETING", "UTILITY");
    private static final List<String> MEDIA = List.of("IMAGE", "VIDEO", "DOCUMENT");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private TemplateRules() {
    }

    /** Throws a 400 problem listing every field that Meta would refuse. */
    static void check(TemplateWire.CreateRequest request) {
        TemplateRules rules = new TemplateRules();
        rules.checkRequest(request);
        if (!rules.errors.isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, HttpStatus.BAD_REQUEST,
                    String.join("; ", rules.errors.stream().map(e -> e.field() + ": " + e.message()).toList()),
                    List.copyOf(rules.errors), Map.of());
        }
    }

    private void checkRequest(TemplateWire.CreateRequest request) {
        if (!NAME.matcher(request.name()).matches()) {
            error("name", "must be 1 to 512 lower case letters, digits or underscores");
        }
        if (!LANGUAGE.matcher(request.language()).matches()) {
            error("language", "must be a WhatsApp language code such as en, en_US or zh_TW");
        }
        if (!CATEGORIES.contains(request.category())) {
            error("category", "must be MARKETING or UTILITY");
        }
        int bodies = 0;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < request.components().size(); i++) {
            TemplateWire.Component component = request.components().get(i);
            String path = "components[" + i + "]";
            if (seen.contains(component.type())) {
                error(path + ".type", "must appear once");
                continue;
            }
            seen.add(component.type());
            switch (component.type()) {
                case "HEADER" -> header(path, component);
                case "BODY" -> {
                    bodies++;
                    body(path, component);
                }
                case "FOOTER" -> footer(path, component);
                case "BUTTONS" -> buttons(path, component);
                default -> error(path + ".type", "must be HEADER, BODY, FOOTER or BUTTONS");
            }
        }
        if (bodies == 0) {
            error("components", "must include a BODY");
        }
    }

    private void header(String path, TemplateWire.Component header) {
        onlyFields(path, header, header.format() != null, header.text() != null, header.example() != null, false);
        if ("TEXT".equals(header.format())) {
            if (text(path + ".text", header.text(), 60)) {
                int variables = variables(path + ".text", header.text());
                if (variables > 1) {
                    error(path + ".text", "may hold only one variable");
                } else if (variables >= 0) {
                    examples(path + ".example.headerText", variables,
                            header.example() == null ? null : header.example().headerText());
                }
            }
        } else if (header.format() != null && MEDIA.contains(header.format())) {
            if (header.text() != null) {
                error(path + ".text", "must be left out for a " + header.format() + " header");
            }
            List<String> handle = header.example() == null ? null : header.example().headerHandle();
            if (handle == null || handle.size() != 1 || handle.getFirst() == null || handle.getFirst().isBlank()) {
                error(path + ".example.headerHandle", "must hold one sample media handle");
            }
        } else {
            error(path + ".format", "must be TEXT, IMAGE, VIDEO or DOCUMENT");
        }
    }

    private void body(String path, TemplateWire.Component body) {
        onlyFields(path, body, false, true, body.example() != null, false);
        if (text(path + ".text", body.text(), 1024)) {
            int variables = variables(path + ".text", body.text());
            List<List<String>> samples = body.example() == null ? null : body.example().bodyText();
            if (variables >= 0) {
                examples(path + ".example.bodyText", variables,
                        samples == null || samples.isEmpty() ? null : samples.getFirst());
            }
        }
    }

    private void footer(String path, TemplateWire.Component footer) {
        onlyFields(path, footer, false, true, false, false);
        if (text(path + ".text", footer.text(), 60) && !VARIABLE.matcher(footer.text()).results().toList().isEmpty()) {
            error(path + ".text", "must not hold variables");
        }
    }

    private void buttons(String path, TemplateWire.Component component) {
        onlyFields(path, component, false, false, false, true);
        List<TemplateWire.Button> buttons = component.buttons();
        if (buttons == null || buttons.isEmpty() || buttons.size() > 10) {
            error(path + ".buttons", "must hold 1 to 10 buttons");
            return;
        }
        int urls = 0;
        int phones = 0;
        for (int i = 0; i < buttons.size(); i++) {
            TemplateWire.Button button = buttons.get(i);
            String at = path + ".buttons[" + i + "]";
            text(at + ".text", button.text(), 25);
            switch (button.type()) {
                case "QUICK_REPLY" -> {
                    absent(at + ".url", button.url());
                    absent(at + ".phoneNumber", button.phoneNumber());
                }
                case "URL" -> {
                    urls++;
                    absent(at + ".phoneNumber", button.phoneNumber());
                    url(at, button);
                }
                case "PHONE_NUMBER" -> {
                    phones++;
                    absent(at + ".url", button.url());
                    if (button.phoneNumber() == null || !PHONE.matcher(button.phoneNumber()).matches()) {
                        error(at + ".phoneNumber", "must be a phone number in international format, e.g. +15550001234");
                    }
                }
                default -> error(at + ".type", "must be QUICK_REPLY, URL or PHONE_NUMBER");
            }
        }
        if (urls > 2) {
            error(path + ".buttons", "may hold at most 2 URL buttons");
        }
        if (phones > 1) {
            error(path + ".buttons", "may hold at most 1 PHONE_NUMBER button");
        }
    }

    private void url(String at, TemplateWire.Button button) {
        String url = button.url();
        if (url == null || !url.startsWith("https://") || url.length() > 2000) {
            error(at + ".url", "must be an https:// URL of at most 2,000 characters");
            return;
        }
        int variables = variables(at + ".url", url);
        if (variables > 1 || (variables == 1 && !url.endsWith("}}"))) {
            error(at + ".url", "may hold only one variable, at its end");
        } else if (variables >= 0) {
            examples(at + ".example", variables, button.example());
        }
    }

    /**
     * The number of distinct variables of a text, which must be {{1}}, {{2}}, … numbered from 1 without gaps; -1
     * (with the error recorded) when they are not, so no example check piles onto it.
     */
    private int variables(String field, String text) {
        TreeSet<Integer> numbers = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            if (!matcher.group(1).matches("[1-9][0-9]{0,2}")) {
                error(field, "variables must be numbered 1, 2, 3, …");
                return -1;
            }
            numbers.add(Integer.parseInt(matcher.group(1)));
        }
        if (!numbers.isEmpty() && (numbers.first() != 1 || numbers.last() != numbers.size())) {
            error(field, "variables must be numbered from 1 without gaps");
            return -1;
        }
        return numbers.size();
    }

    private void examples(String field, int variables, @Nullable List<String> samples) {
        if (variables == 0) {
            if (samples != null && !samples.isEmpty()) {
                error(field, "must be left out when the text has no variables");
            }
        } else if (samples == null || samples.size() != variables
                || samples.stream().anyMatch(sample -> sample == null || sample.isBlank())) {
            error(field, "must give one sample value per variable (" + variables + ")");
        }
    }

    private boolean text(String field, @Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            error(field, "is required");
            return false;
        }
        if (text.length() > max) {
            error(field, "must be at most " + max + " characters");
            return false;
        }
        return true;
    }

    private void absent(String field, @Nullable String value) {
        if (value != null) {
            error(field, "must be left out for this button type");
        }
    }

    /** Fields a component type does not take are refused rather than silently dropped. */
    private void onlyFields(String path, TemplateWire.Component component, boolean format, boolean text,
                            boolean example, boolean buttons) {
        if (!format && component.format() != null) {
            error(path + ".format", "is only for a HEADER");
        }
        if (!text && component.text() != null) {
            error(path + ".text", "must be left out for " + component.type());
        }
        if (!example && component.example() != null) {
            error(path + ".example", "must be left out for " + component.type());
        }
        if (!buttons && component.buttons() != null) {
            error(path + ".buttons", "is only for BUTTONS");
        }
    }

    private void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }
}
