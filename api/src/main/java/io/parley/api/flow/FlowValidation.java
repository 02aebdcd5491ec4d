package io.parley.api.flow;

import io.micronaut.http.HttpStatus;
import io.parley.core.bot.PersonaTemplate;
import io.parley.core.flow.FlowLimits;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a request's trigger and steps into the domain types, or answers 400 listing every invalid field at once
 * ({@code trigger.pattern}, {@code steps[2].buttons[0].label}...), so the dashboard can mark them all. Sizes come
 * from {@link FlowLimits}; a field the type does not use is an error rather than silently dropped.
 */
final class FlowValidation {

    private static final Pattern ATTRIBUTE_KEY = Pattern.compile(FlowLimits.ATTRIBUTE_KEY_PATTERN);
    private static final Map<String, Set<String>> TRIGGER_FIELDS = Map.of("keyword", Set.of("keywords", "match"),
            "regex", Set.of("pattern"), "postback", Set.of("data"), "follow", Set.of(), "fallback", Set.of(),
            "gate", Set.of("until"), "setup_submitted", Set.of(), "contact_created", Set.of(),
            "inactive", Set.of("after", "unit"), "schedule", Set.of("cron", "at", "segmentId"));
    private static final Map<String, Set<String>> STEP_FIELDS = Map.ofEntries(
            Map.entry("text", Set.of("text")),
            Map.entry("buttons", Set.of("text", "buttons", "style")),
            Map.entry("image", Set.of("url", "previewUrl")),
            Map.entry("set_attribute", Set.of("key", "value")),
            Map.entry("handoff", Set.of("message")),
            Map.entry("ask_llm", Set.of("instruction")),
            Map.entry("branch", Set.of("condition", "steps", "elseSteps")),
            Map.entry("ask", Set.of("text", "input", "buttons", "pattern", "saveTo", "retryText", "maxAttempts", "failText")),
            Map.entry("goto", Set.of("flowId")),
            Map.entry("card", Set.of("title", "text", "imageUrl", "buttons", "link")),
            Map.entry("list", Set.of("text", "button", "options")),
            Map.entry("link_button", Set.of("text", "label", "url")),
            Map.entry("carousel", Set.of("cards")));

    private final List<Problem.FieldError> errors = new ArrayList<>();
    /** Flows that goto steps name, with the field naming each: the service checks they are the bot's. */
    private final Map<String, java.util.UUID> gotoTargets = new LinkedHashMap<>();

    /** Adds an error; callers then return null and the request fails in {@link #throwIfInvalid}. */
    void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, HttpStatus.BAD_REQUEST, detail, errors, Map.of());
        }
    }

    Trigger trigger(FlowWire.TriggerSpec spec) {
        if (spec == null || spec.type() == null) {
            error(spec == null ? "trigger" : "trigger.type",
                    "is required: keyword, regex, postback, follow, fallback, gate, setup_submitted, "
                            + "contact_created, inactive or schedule");
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("keywords", spec.keywords());
        fields.put("match", spec.match());
        fields.put("pattern", spec.pattern());
        fields.put("data", spec.data());
        fields.put("until", spec.until());
        fields.put("after", spec.after());
        fields.put("unit", spec.unit());
        fields.put("cron", spec.cron());
        fields.put("at", spec.at());
        fields.put("segmentId", spec.segmentId());
        if (!onlyUsedFields("trigger", spec.type(), fields, TRIGGER_FIELDS)) {
            return null;
        }
        return switch (spec.type()) {
            case "keyword" -> keyword(spec);
            case "regex" -> regex(spec.pattern());
            case "postback" -> text("trigger.data", spec.data(), FlowLimits.MAX_POSTBACK_LENGTH, false)
                    ? new Trigger.Postback(spec.data()) : null;
            case "follow" -> new Trigger.Follow();
            case "gate" -> {
                var until = FlowConditions.read(spec.until(), "trigger.until", this);
                yield until == null ? null : new Trigger.Gate(until);
            }
            case "setup_submitted" -> new Trigger.SetupSubmitted();
            case "contact_created" -> new Trigger.ContactCreated();
            case "inactive" -> FlowProactiveValidation.inactive(spec, this);
            case "schedule" -> FlowProactiveValidation.schedule(spec, this);
            default -> new Trigger.Fallback();
        };
    }

    List<Step> steps(List<FlowWire.StepSpec> specs) {
        return steps(specs, "steps", false, 1);
    }

    /** The flow's {@code condition}: null when none was sent (the flow is for everyone) or when it is invalid. */
    io.parley.core.flow.condition.Condition condition(FlowWire.ConditionSpec spec) {
        return spec == null ? null : FlowConditions.read(spec, "condition", this);
    }

    /** Steps at {@code path}; inside a branch ({@code nested}) a branch is refused and an empty else is allowed. */
    private List<Step> steps(List<FlowWire.StepSpec> specs, String path, boolean nested, int min) {
        if (specs == null || specs.size() < min || specs.size() > FlowLimits.MAX_STEPS) {
            error(path, min == 0 ? "needs at most " + FlowLimits.MAX_STEPS + " steps"
                    : "needs 1 to " + FlowLimits.MAX_STEPS + " steps");
            return null;
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String at = path + "[" + i + "]";
            FlowWire.StepSpec spec = specs.get(i);
            Step step;
            if (spec != null && "branch".equals(spec.type()) && nested) {
                error(at + ".type", "branch steps do not nest; use a condition that combines both tests (all)");
                step = null;
            } else if (spec != null && "ask".equals(spec.type()) && nested) {
                error(at + ".type", "ask steps wait at the flow's top level, not inside a branch");
                step = null;
            } else {
                step = step(at, spec);
            }
            if (endsTurn(step) && i < specs.size() - 1) {
                error(at + ".type", spec.type() + " ends the flow, so it must be the last step");
            }
            steps.add(step);
        }
        return steps.contains(null) ? null : steps;
    }

    private static boolean endsTurn(Step step) {
        return switch (step) {
            case Step.Handoff ignored -> true;
            case Step.AskLlm ignored -> true;
            case Step.GoTo ignored -> true;
            case Step.Branch branch -> branch.steps().stream().anyMatch(FlowValidation::endsTurn)
                    || branch.taken(false).stream().anyMatch(FlowValidation::endsTurn);
            case null, default -> false;
        };
    }

    private Step branch(String at, FlowWire.StepSpec spec) {
        var condition = FlowConditions.read(spec.condition(), at + ".condition", this);
        List<Step> then = steps(spec.steps(), at + ".steps", true, 1);
        List<Step> otherwise = spec.elseSteps() == null ? List.of() : steps(spec.elseSteps(), at + ".elseSteps", true, 0);
        return condition == null || then == null || otherwise == null ? null
                : new Step.Branch(condition, then, otherwise);
    }

    private Trigger keyword(FlowWire.TriggerSpec spec) {
        List<String> keywords = spec.keywords();
        if (keywords == null || keywords.isEmpty() || keywords.size() > FlowLimits.MAX_KEYWORDS) {
            error("trigger.keywords", "needs 1 to " + FlowLimits.MAX_KEYWORDS + " keywords");
            return null;
        }
        boolean valid = true;
        for (int i = 0; i < keywords.size(); i++) {
            valid &= text("trigger.keywords[" + i + "]", keywords.get(i), FlowLimits.MAX_KEYWORD_LENGTH, false);
        }
        Trigger.Match match = spec.match() == null ? Trigger.Match.EXACT : Trigger.Match.parse(spec.match()).orElse(null);
        if (match == null) {
            error("trigger.match", "must be exact or contains");
        }
        return valid && match != null ? new Trigger.Keyword(keywords.stream().map(String::strip).toList(), match) : null;
    }

    private Trigger regex(String pattern) {
        if (!text("trigger.pattern", pattern, FlowLimits.MAX_PATTERN_LENGTH, false)) {
            return null;
        }
        Trigger.Regex regex = new Trigger.Regex(pattern);
        try {
            regex.compile();
            return regex;
        } catch (PatternSyntaxException e) {
            error("trigger.pattern", "is not a valid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            return null;
        }
    }

    private Step step(String at, FlowWire.StepSpec spec) {
        if (spec == null || spec.type() == null) {
            error(at + ".type", "is required: text, buttons, image, set_attribute, handoff, ask_llm, branch, ask, goto, "
                    + "card, list, link_button or carousel");
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", spec.text());
        fields.put("buttons", spec.buttons());
        fields.put("style", spec.style());
        fields.put("url", spec.url());
        fields.put("previewUrl", spec.previewUrl());
        fields.put("key", spec.key());
        fields.put("value", spec.value());
        fields.put("message", spec.message());
        fields.put("instruction", spec.instruction());
        fields.put("condition", spec.condition());
        fields.put("steps", spec.steps());
        fields.put("elseSteps", spec.elseSteps());
        fields.put("input", spec.input());
        fields.put("pattern", spec.pattern());
        fields.put("saveTo", spec.saveTo());
        fields.put("retryText", spec.retryText());
        fields.put("maxAttempts", spec.maxAttempts());
        fields.put("failText", spec.failText());
        fields.put("flowId", spec.flowId());
        fields.put("title", spec.title());
        fields.put("imageUrl", spec.imageUrl());
        fields.put("link", spec.link());
        fields.put("button", spec.button());
        fields.put("options", spec.options());
        fields.put("label", spec.label());
        fields.put("cards", spec.cards());
        if (!onlyUsedFields(at, spec.type(), fields, STEP_FIELDS)) {
            return null;
        }
        return switch (spec.type()) {
            case "text" -> template(at + ".text", spec.text(), FlowLimits.MAX_TEXT_LENGTH, false)
                    ? new Step.Text(spec.text()) : null;
            case "buttons" -> buttons(at, spec);
            case "image" -> https(at + ".url", spec.url(), false) & https(at + ".previewUrl", spec.previewUrl(), true)
                    ? new Step.Image(spec.url(), spec.previewUrl()) : null;
            case "set_attribute" -> attribute(at, spec);
            case "branch" -> branch(at, spec);
            case "ask" -> FlowAskValidation.ask(at, spec, this);
            case "goto" -> FlowAskValidation.goTo(at, spec, this);
            case "card" -> FlowRichValidation.card(at, spec, this);
            case "list" -> FlowRichValidation.list(at, spec, this);
            case "link_button" -> FlowRichValidation.linkButton(at, spec, this);
            case "carousel" -> FlowRichValidation.carousel(at, spec.cards(), this);
            case "handoff" -> template(at + ".message", spec.message(), FlowLimits.MAX_TEXT_LENGTH, true)
                    ? new Step.Handoff(spec.message()) : null;
            default -> template(at + ".instruction", spec.instruction(), FlowLimits.MAX_INSTRUCTION_LENGTH, false)
                    ? new Step.AskLlm(spec.instruction()) : null;
        };
    }

    /** Remembers a goto step's target for {@link #gotoTargets()}. */
    void gotoTarget(String field, java.util.UUID flow) {
        gotoTargets.put(field, flow);
    }

    Map<String, java.util.UUID> gotoTargets() {
        return gotoTargets;
    }

    /** Buttons of a buttons step or a choice question, {@code at.buttons}; null (with errors) when invalid. */
    List<Step.Button> buttonList(String at, List<FlowWire.ButtonSpec> buttons) {
        return buttonList(at, buttons, FlowLimits.MAX_BUTTONS, false);
    }

    /**
     * Buttons at {@code at.buttons}, 1 to {@code max}; with {@code flows} a button may name a flow of the bot
     * ({@code flowId}) instead of postback data, exactly one of the two.
     */
    List<Step.Button> buttonList(String at, List<FlowWire.ButtonSpec> buttons, int max, boolean flows) {
        if (buttons == null || buttons.isEmpty() || buttons.size() > max) {
            error(at + ".buttons", "needs 1 to " + max + " buttons");
            return null;
        }
        boolean valid = true;
        for (int j = 0; j < buttons.size(); j++) {
            FlowWire.ButtonSpec button = buttons.get(j);
            String field = at + ".buttons[" + j + "]";
            if (button == null) {
                error(field, "must be {label, postback}");
                valid = false;
            } else if (!flows && button.flowId() != null) {
                error(field + ".flowId", "is not used here: a question's buttons need postback data");
                valid = false;
            } else {
                valid &= text(field + ".label", button.label(), FlowLimits.MAX_BUTTON_LABEL_LENGTH, false)
                        & FlowRichValidation.target(field, button.postback(), button.flowId(), this);
            }
        }
        return valid ? buttons.stream().map(b -> new Step.Button(b.label(), b.postback(),
                b.flowId() == null ? null : b.flowId().toLowerCase(java.util.Locale.ROOT))).toList() : null;
    }

    private Step buttons(String at, FlowWire.StepSpec spec) {
        boolean valid = template(at + ".text", spec.text(), FlowLimits.MAX_TEXT_LENGTH, false);
        Step.Style style = spec.style() == null ? Step.Style.BUTTONS : Step.Style.parse(spec.style()).orElse(null);
        if (style == null) {
            error(at + ".style", "must be buttons or quick_replies");
        }
        // 13 is LINE's quick-reply maximum; WhatsApp's 3-button limit is handled by sending a list instead.
        List<Step.Button> buttons = buttonList(at, spec.buttons(), FlowLimits.MAX_BUTTONS, true);
        return valid && style != null && buttons != null ? new Step.Buttons(spec.text(), buttons, style) : null;
    }

    private Step attribute(String at, FlowWire.StepSpec spec) {
        boolean valid = true;
        if (spec.key() == null || !ATTRIBUTE_KEY.matcher(spec.key()).matches()) {
            error(at + ".key", "must be 1-64 of A-Z, a-z, 0-9, _ and -");
            valid = false;
        }
        if (spec.value() == null || spec.value().length() > FlowLimits.MAX_ATTRIBUTE_VALUE_LENGTH) {
            error(at + ".value", "is required, at most " + FlowLimits.MAX_ATTRIBUTE_VALUE_LENGTH + " characters");
            valid = false;
        }
        return valid ? new Step.SetAttribute(spec.key(), spec.value()) : null;
    }

    /** Text that may use placeholders: known ones only, so a typo fails now rather than rendering as "". */
    boolean template(String field, String value, int max, boolean optional) {
        if (!text(field, value, max, optional)) {
            return false;
        }
        List<String> unknown = PersonaTemplate.unknownPlaceholders(value, true);
        if (!unknown.isEmpty()) {
            error(field, "unknown placeholder {{" + unknown.get(0) + "}}; known: {{contact.displayName}}, "
                    + "{{contact.tier}}, {{contact.attributes.<key>}}, {{bot.name}}, {{setupUrl}}");
            return false;
        }
        return true;
    }

    boolean text(String field, String value, int max, boolean optional) {
        if (value == null && optional) {
            return true;
        }
        if (value == null || value.isBlank() || value.length() > max) {
            error(field, "must be 1 to " + max + " characters");
            return false;
        }
        return true;
    }

    /** Channels fetch images themselves and LINE requires HTTPS; plain http would fail at send time. */
    boolean https(String field, String value, boolean optional) {
        if (value == null && optional) {
            return true;
        }
        try {
            URI uri = value == null ? null : new URI(value);
            if (uri != null && "https".equals(uri.getScheme()) && uri.getHost() != null
                    && value.length() <= FlowLimits.MAX_URL_LENGTH) {
                return true;
            }
        } catch (URISyntaxException e) {
            // reported below, as for any other non-https value
        }
        error(field, "must be an https URL of at most " + FlowLimits.MAX_URL_LENGTH + " characters");
        return false;
    }

    private boolean onlyUsedFields(String at, String type, Map<String, Object> fields, Map<String, Set<String>> used) {
        Set<String> allowed = used.get(type);
        if (allowed == null) {
            error(at + ".type", "must be one of " + String.join(", ", used.keySet().stream().sorted().toList()));
            return false;
        }
        boolean valid = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (field.getValue() != null && !allowed.contains(field.getKey())) {
                error(at + "." + field.getKey(), "is not used by a " + type + " " + (at.equals("trigger") ? "trigger" : "step"));
                valid = false;
            }
        }
        return valid;
    }
}
