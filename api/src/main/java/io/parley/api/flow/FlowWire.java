package io.parley.api.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Wire types of /api/v1/bots/{botId}/flows. Triggers and steps are flat objects tagged by {@code type} (rather
 * than oneOf schemas), so every client generator handles them; which fields a type uses is in each description.
 */
final class FlowWire {

    private FlowWire() {
    }

    @Serdeable
    @Schema(name = "FlowRequest", description = "Create: name, trigger and steps are required. Patch: only the fields "
            + "sent change; trigger and steps are replaced as a whole.", examples = """
            {"name": "Opening hours", "priority": 10,
             "trigger": {"type": "keyword", "keywords": ["hours", "營業時間", "営業時間"], "match": "contains"},
             "steps": [{"type": "text", "text": "We are open 10:00-18:00, {{contact.displayName}}."},
                       {"type": "buttons", "text": "Anything else?", "style": "quick_replies",
                        "buttons": [{"label": "Menu", "postback": "menu"}, {"label": "Staff", "postback": "staff"}]}]}""")
    record FlowRequest(
            @Nullable @Size(min = 1, max = 100) @Schema(example = "Opening hours") String name,
            @Nullable @Schema(description = "Disabled flows never match (default true)") Boolean enabled,
            @Nullable @Min(-1000) @Max(1000)
            @Schema(description = "Higher runs first; ties go to the older flow (default 0)", example = "10")
            Integer priority,
            @Nullable TriggerSpec trigger,
            @Nullable @Schema(description = "1 to 20 steps, run in order") List<StepSpec> steps) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FlowTrigger", description = """
            What starts the flow, by `type`:
            * `keyword`: `keywords` (1-50, each 1-100 characters) and `match` (`exact`: the whole message, the \
            default; `contains`: anywhere in it). Case-, width- and whitespace-insensitive in every script.
            * `regex`: `pattern`, a Java regular expression (at most 500 characters) found anywhere in the message, \
            case-insensitive.
            * `postback`: `data`, the exact postback data of a pressed button (1-300 characters).
            * `follow`: a new follower (LINE follow, Telegram /start, a new web chat). No fields.
            * `fallback`: a message or button press no other flow matched. No fields.""",
            examples = "{\"type\": \"keyword\", \"keywords\": [\"hours\", \"營業時間\", \"営業時間\"], \"match\": \"contains\"}")
    record TriggerSpec(
            @Nullable @Schema(allowableValues = {"keyword", "regex", "postback", "follow", "fallback"}) String type,
            @Nullable @Schema(description = "keyword: the keywords", example = "[\"hours\", \"營業時間\"]")
            List<String> keywords,
            @Nullable @Schema(description = "keyword: exact (default) or contains",
                    allowableValues = {"exact", "contains"}) String match,
            @Nullable @Schema(description = "regex: the pattern", example = "order\\s*#?(\\d{4,})") String pattern,
            @Nullable @Schema(description = "postback: the button's postback data", example = "menu=hours") String data) {

        static TriggerSpec of(Trigger trigger) {
            return switch (trigger) {
                case Trigger.Keyword k -> new TriggerSpec(k.type(), k.keywords(), k.match().wireName(), null, null);
                case Trigger.Regex r -> new TriggerSpec(r.type(), null, null, r.pattern(), null);
                case Trigger.Postback p -> new TriggerSpec(p.type(), null, null, null, p.data());
                case Trigger.Follow f -> new TriggerSpec(f.type(), null, null, null, null);
                case Trigger.Fallback f -> new TriggerSpec(f.type(), null, null, null, null);
            };
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FlowStep", description = """
            One step, by `type`:
            * `text`: `text` (1-4096 characters).
            * `buttons`: `text`, `buttons` (1-13 of `{label` 1-20 characters, `postback` 1-300 characters`}`) and \
            `style` (`buttons`, the default, or `quick_replies`). WhatsApp shows at most 3 reply buttons, so larger \
            sets are sent there as a list message.
            * `image`: `url` and optional `previewUrl`, both https.
            * `set_attribute`: `key` ([A-Za-z0-9_-], 1-64) and `value` (at most 1000 characters) on the contact.
            * `handoff`: optional `message`; pauses the bot in this conversation so a person answers. Must be last.
            * `ask_llm`: `instruction` added to the system prompt for this turn; the LLM answers. Must be last.
            `text`, `message` and `instruction` may use {{contact.displayName}}, {{contact.tier}}, \
            {{contact.attributes.<key>}}, {{bot.name}} and {{setupUrl}}.""",
            examples = "{\"type\": \"buttons\", \"text\": \"Hi {{contact.displayName}}, what do you need?\", "
                    + "\"buttons\": [{\"label\": \"Opening hours\", \"postback\": \"menu=hours\"}, "
                    + "{\"label\": \"Talk to staff\", \"postback\": \"menu=staff\"}], \"style\": \"quick_replies\"}")
    record StepSpec(
            @Nullable @Schema(allowableValues = {"text", "buttons", "image", "set_attribute", "handoff", "ask_llm"})
            String type,
            @Nullable @Schema(description = "text, buttons", example = "We are open 10:00-18:00.") String text,
            @Nullable @Schema(description = "buttons") List<ButtonSpec> buttons,
            @Nullable @Schema(description = "buttons: buttons (default) or quick_replies",
                    allowableValues = {"buttons", "quick_replies"}) String style,
            @Nullable @Schema(description = "image", example = "https://cdn.example.com/menu.jpg") String url,
            @Nullable @Schema(description = "image: thumbnail (defaults to url)") String previewUrl,
            @Nullable @Schema(description = "set_attribute", example = "interest") String key,
            @Nullable @Schema(description = "set_attribute", example = "coffee") String value,
            @Nullable @Schema(description = "handoff: sent before a person takes over",
                    example = "A colleague will answer shortly.") String message,
            @Nullable @Schema(description = "ask_llm", example = "Recommend one drink from today's menu.")
            String instruction) {

        static StepSpec of(Step step) {
            return switch (step) {
                case Step.Text t -> new StepSpec(t.type(), t.text(), null, null, null, null, null, null, null, null);
                case Step.Buttons b -> new StepSpec(b.type(), b.text(),
                        b.buttons().stream().map(x -> new ButtonSpec(x.label(), x.postback())).toList(),
                        b.style().wireName(), null, null, null, null, null, null);
                case Step.Image i -> new StepSpec(i.type(), null, null, null, i.url(), i.previewUrl(), null, null, null,
                        null);
                case Step.SetAttribute a -> new StepSpec(a.type(), null, null, null, null, null, a.key(),
                        a.value(), null, null);
                case Step.Handoff h -> new StepSpec(h.type(), null, null, null, null, null, null, null, h.message(),
                        null);
                case Step.AskLlm a -> new StepSpec(a.type(), null, null, null, null, null, null, null, null,
                        a.instruction());
            };
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FlowButton")
    record ButtonSpec(@Nullable @Schema(example = "Opening hours") String label,
                      @Nullable @Schema(example = "menu=hours") String postback) {
    }

    @Serdeable
    @Schema(name = "Flow")
    record FlowResponse(String id, String botId, String name, boolean enabled, int priority, TriggerSpec trigger,
                        List<StepSpec> steps, Instant createdAt, Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "FlowDryRunRequest", description = "Exactly one of text, postback or event; contact is optional.",
            examples = "{\"text\": \"What are your hours?\", \"contact\": {\"displayName\": \"美玲\", \"tier\": \"free\"}}")
    record DryRunRequest(
            @Nullable @Size(max = 5000) @Schema(description = "A text message", example = "What are your hours?")
            String text,
            @Nullable @Size(max = 300) @Schema(description = "Postback data of a pressed button", example = "menu=hours")
            String postback,
            @Nullable @Schema(description = "An event without content", allowableValues = {"follow"}) String event,
            @Nullable @Valid SampleContact contact) {
    }

    @Serdeable
    @Schema(name = "FlowSampleContact", description = "Whom to render placeholders for (defaults: no name, tier free)")
    record SampleContact(@Nullable @Size(max = 200) @Schema(example = "美玲") String displayName,
                         @Nullable @Size(min = 1, max = 40) @Schema(example = "premium") String tier,
                         @Nullable @Schema(example = "{\"sign\": \"Leo\"}") Map<String, Object> attributes) {
    }

    @Serdeable
    @Schema(name = "FlowDryRun", examples = """
            {"matched": {"id": "0193a4b2-7c1e-7d2a-9f00-3c5e8a1b2c3d", "name": "Opening hours", "triggerType": "keyword"},
             "steps": [{"type": "text", "text": "We are open 10:00-18:00, 美玲."}],
             "then": "reply", "attributeChanges": {}, "warnings": []}""")
    record DryRunResponse(
            @Nullable MatchedFlow matched,
            @Schema(requiredMode = REQUIRED,
                    description = "What would be sent and done, in order, with placeholders filled in")
            List<StepSpec> steps,
            @Schema(requiredMode = REQUIRED,
                    description = "reply: the steps are the whole answer; llm: the LLM answers (after the steps); "
                    + "handoff: the bot pauses and a person takes over", allowableValues = {"reply", "llm", "handoff"})
            String then,
            @Schema(requiredMode = REQUIRED,
                    description = "Contact attributes the steps would set") Map<String, String> attributeChanges,
            @Schema(requiredMode = REQUIRED,
                    description = "Flows skipped on this message, e.g. a regex that ran out of time")
            List<String> warnings) {
    }

    @Serdeable
    @Schema(name = "FlowDryRunMatch", description = "The flow that answers; null when none does")
    record MatchedFlow(String id, String name, String triggerType) {
    }
}
