package io.parley.api.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.flow.condition.Condition;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;


/**
 * Wire types of /api/v1/bots/{botId}/flows. Triggers and steps are flat objects tagged by {@code type} (rather
 * than oneOf schemas), so every client generator handles them; which fields a type uses is in each description.
 */
final class FlowWire {

    private FlowWire() {
    }

    @Serdeable
    @Schema(name = "FlowRequest", description = "Create: name, trigger and steps are required. Patch: only the fields "
            + "sent change; trigger and steps are replaced as a whole. `condition` (optional): the flow takes part "
            + "only for contacts, channels and times for which it holds; a patch with null removes it.", examples = """
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
            @Nullable @Schema(description = "1 to 20 steps, run in order") List<StepSpec> steps,
            // The FlowRequest description says what it does: a @Schema here would inline a copy of FlowCondition.
            @Nullable ConditionSpec condition) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FlowCondition", description = """
            A test on the contact, the channel or the time; exactly one of:
            * `all`: every condition holds; `any`: at least one holds; `not`: the condition does not hold \
            (nesting up to 4 levels, at most 20 tests in all).
            * `field` + `op` (+ `value` or `values`). Fields: `contact.tier`, `contact.displayName`, \
            `contact.personaOverride` (set once the contact saved the setup page), `contact.accessCode` (set once \
            the contact redeemed an access code of the bot that is not revoked), `contact.attributes.<key>`, \
            `channel` (line, whatsapp, telegram, web), `time` (HH:mm in the tenant's time zone), `weekday` \
            (mon..sun). Ops: `equals`, `not_equals`, `contains` (`value`); `in`, `not_in` (`values`, 1-50); \
            `exists`, `not_exists` (nothing); `gt`, `gte`, `lt`, `lte` (a number); `between` (`values`: [from, to], \
            numbers inclusive, or times from-inclusive to-exclusive, wrapping past midnight); `before`, `after` (a \
            date 2008-12-07, an instant, or a period from today such as -P18Y; for `time`: HH:mm). Numbers compare \
            numerically, also when the attribute holds them as text.""",
            examples = "{\"all\": [{\"field\": \"contact.attributes.age\", \"op\": \"gte\", \"value\": 18}, "
                    + "{\"field\": \"channel\", \"op\": \"in\", \"values\": [\"line\", \"web\"]}]}")
    record ConditionSpec(
            @Nullable @Schema(description = "Every one holds") List<ConditionSpec> all,
            @Nullable @Schema(description = "At least one holds") List<ConditionSpec> any,
            @Nullable ConditionSpec not,
            @Nullable @Schema(example = "contact.attributes.age") String field,
            @Nullable @Schema(allowableValues = {"equals", "not_equals", "in", "not_in", "exists", "not_exists",
                    "contains", "gt", "gte", "lt", "lte", "between", "before", "after"}) String op,
            @Nullable @Schema(description = "A string, number or boolean",
                    types = {"string", "number", "boolean"}) Object value,
            @Nullable @Schema(description = "Strings, numbers or booleans") List<Object> values) {

        static ConditionSpec of(Condition c) {
            if (c == null) {
                return null;
            }
            return new ConditionSpec(c.all() == null ? null : c.all().stream().map(ConditionSpec::of).toList(),
                    c.any() == null ? null : c.any().stream().map(ConditionSpec::of).toList(), of(c.not()),
                    c.field(), c.op(), c.value(), c.values());
        }
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
            * `fallback`: a message or button press no other flow matched. No fields.
            * `gate`: `until`, a condition. Answers every message (text, button press, sticker) before any other \
            flow and the LLM while `until` does not hold for the contact; a press of one of the gate's own buttons \
            passes through to its postback flow. Follow events are not gated.
            Proactive triggers start the flow with no message from the contact (docs/flows.md "Proactive triggers";             each firing is listed at `/api/v1/bots/{botId}/flows/{flowId}/runs`):
            * `setup_submitted`: the contact submitted the setup page (once per contact). No fields.
            * `contact_created`: the contact was created by `POST /api/v1/contacts` or a CSV import. No fields.
            * `inactive`: `after` (1-365 days or 1-8760 hours) and `unit` (`days` or `hours`): the contact has not             written for that long; once per silence, the contact's next message re-arms it.
            * `schedule`: `cron` (five fields: minute hour day-of-month month day-of-week) or `at` (a local date-time,             `2026-12-24T09:00`), in the tenant's time zone; optional `segmentId` narrows the audience (default: every             contact of the bot's channels).""",
            examples = "{\"type\": \"keyword\", \"keywords\": [\"hours\", \"營業時間\", \"営業時間\"], \"match\": \"contains\"}")
    record TriggerSpec(
            @Nullable @Schema(allowableValues = {"keyword", "regex", "postback", "follow", "fallback", "gate",
                    "setup_submitted", "contact_created", "inactive", "schedule"})
            String type,
            @Nullable @Schema(description = "keyword: the keywords", example = "[\"hours\", \"營業時間\"]")
            List<String> keywords,
            @Nullable @Schema(description = "keyword: exact (default) or contains",
                    allowableValues = {"exact", "contains"}) String match,
            @Nullable @Schema(description = "regex: the pattern", example = "order\\s*#?(\\d{4,})") String pattern,
            @Nullable @Schema(description = "postback: the button's postback data", example = "menu=hours") String data,
            @Nullable ConditionSpec until,
            @Nullable @Schema(description = "inactive: how long the contact has been silent", example = "3")
            Integer after,
            @Nullable @Schema(description = "inactive: days or hours", allowableValues = {"days", "hours"})
            String unit,
            @Nullable @Schema(description = "schedule: a five-field cron expression in the tenant's time zone",
                    example = "0 9 * * 1") String cron,
            @Nullable @Schema(description = "schedule: one local date-time in the tenant's time zone",
                    example = "2026-12-24T09:00") String at,
            @Nullable @Schema(description = "schedule: only the contacts of this segment") String segmentId) {

        /** A trigger that answers messages (no proactive fields). */
        TriggerSpec(String type, List<String> keywords, String match, String pattern, String data,
                    ConditionSpec until) {
            this(type, keywords, match, pattern, data, until, null, null, null, null, null);
        }

        static TriggerSpec of(Trigger trigger) {
            return switch (trigger) {
                case Trigger.Keyword k -> new TriggerSpec(k.type(), k.keywords(), k.match().wireName(), null, null,
                        null);
                case Trigger.Regex r -> new TriggerSpec(r.type(), null, null, r.pattern(), null, null);
                case Trigger.Postback p -> new TriggerSpec(p.type(), null, null, null, p.data(), null);
                case Trigger.Follow f -> new TriggerSpec(f.type(), null, null, null, null, null);
                case Trigger.Fallback f -> new TriggerSpec(f.type(), null, null, null, null, null);
                case Trigger.Gate g -> new TriggerSpec(g.type(), null, null, null, null, ConditionSpec.of(g.until()));
                case Trigger.SetupSubmitted t -> new TriggerSpec(t.type(), null, null, null, null, null);
                case Trigger.ContactCreated t -> new TriggerSpec(t.type(), null, null, null, null, null);
                case Trigger.Inactive t -> new TriggerSpec(t.type(), null, null, null, null, null, t.after(),
                        t.unit().wireName(), null, null, null);
                case Trigger.Schedule t -> new TriggerSpec(t.type(), null, null, null, null, null, null, null,
                        t.cron(), t.at(), t.segmentId() == null ? null : t.segmentId().toString());
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
            * `branch`: `condition`, `steps` (1-20, run when it holds) and optional `elseSteps` (0-20, run when it \
            does not). The condition sees attributes set by earlier steps. Branch steps do not nest; a handoff or \
            ask_llm inside one must be last in its list, and the branch then last in the flow.
            * `ask`: asks `text` and waits for the answer, read as `input` (`text`, `number`, `email`, `phone`, \
            `date`, `choice` with `buttons`, `regex` with a `pattern` the whole answer must match, or `access_code`: \
            redeemed as one of the bot's access codes) and stored at `saveTo` (`contact.attributes.<key>` or \
            `conversation.variables.<key>`; optional for `access_code`, which stores the code's batch name there); \
            then the next step runs. An \
            invalid answer gets `retryText` (default: the question again); after `maxAttempts` answers (1-10, \
            default 3) `failText` (optional) ends the flow. Only at a flow's top level.
            * `goto`: `flowId`, a flow of the same bot that continues from its first step. Must be last.
            * `card`: `title` (1-80), `text` (1-1000), optional `imageUrl` (https), `buttons` (0-3) and `link`             (`{label, url}`). LINE Flex bubble, WhatsApp interactive, Telegram photo             with an inline keyboard, a card in web chat.
            * `list`: `text` (1-1000), optional `button` (1-20, default Options), `options` (1-10 of `{label` 1-24,             optional `description` 1-72, `postback` or `flowId}`). WhatsApp list, LINE Flex, Telegram keyboard.
            * `link_button`: `text` (1-1000), `label` (1-20), `url` (http or https): a button that opens a page             (WhatsApp CTA URL).
            * `carousel`: `cards` (2-10 of `{title` 1-80, `text` 1-1000, optional `imageUrl` (https), optional \
            `buttons` 0-3`}`): cards side by side, a LINE Flex carousel and a sideways-scrolling row in web chat; \
            WhatsApp and Telegram get one card message per card.
            A button or option has either `postback` or `flowId` (a flow of this bot that a press starts); a             contact may also answer with the option's number.
            `text`, `title`, `message` and `instruction` may use {{contact.displayName}}, {{contact.tier}}, \
            {{contact.attributes.<key>}}, {{bot.name}} and {{setupUrl}}.""",
            examples = "{\"type\": \"buttons\", \"text\": \"Hi {{contact.displayName}}, what do you need?\", "
                    + "\"buttons\": [{\"label\": \"Opening hours\", \"postback\": \"menu=hours\"}, "
                    + "{\"label\": \"Talk to staff\", \"postback\": \"menu=staff\"}], \"style\": \"quick_replies\"}")
    record StepSpec(
            @Nullable @Schema(allowableValues = {"text", "buttons", "image", "set_attribute", "handoff", "ask_llm",
                    "branch", "ask", "goto", "card", "list", "link_button", "carousel"})
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
            String instruction,
            @Nullable ConditionSpec condition,
            @Nullable @Schema(description = "branch: run when the condition holds") List<StepSpec> steps,
            @Nullable @Schema(description = "branch: run when it does not") List<StepSpec> elseSteps,
            @Nullable @Schema(description = "ask: what the answer must be", allowableValues = {"text", "number",
                    "email", "phone", "date", "choice", "regex", "access_code"}) String input,
            @Nullable @Schema(description = "ask with input regex: the whole answer must match",
                    example = "[A-Z]{4}-\\d{4}") String pattern,
            @Nullable @Schema(description = "ask: where the answer goes (access_code: its batch name, optional)",
                    example = "contact.attributes.partySize")
            String saveTo,
            @Nullable @Schema(description = "ask: sent after an invalid answer (default: the question again)")
            String retryText,
            @Nullable @Schema(description = "ask: answers allowed in all, 1-10 (default 3)") Integer maxAttempts,
            @Nullable @Schema(description = "ask: sent when the attempts are used up") String failText,
            @Nullable @Schema(description = "goto: the flow to continue with") String flowId,
            @Nullable @Schema(description = "card: the title (1-80)", example = "Autumn menu") String title,
            @Nullable @Schema(description = "card: an https image", example = "https://cdn.example.com/autumn.jpg")
            String imageUrl,
            @Nullable @Schema(description = "card: a button that opens a page") LinkSpec link,
            @Nullable @Schema(description = "list: the label of the button that opens the list (1-20, default "
                    + "Options)", example = "Choose") String button,
            @Nullable @Schema(description = "list: 1-10 options") List<OptionSpec> options,
            @Nullable @Schema(description = "link_button: the button's label (1-20)", example = "Book now")
            String label,
            @Nullable @Schema(description = "carousel: 2-10 cards") List<CardSpec> cards) {

        StepSpec(String type, String text, List<ButtonSpec> buttons, String style, String url, String previewUrl,
                 String key, String value, String message, String instruction) {
            this(type, text, buttons, style, url, previewUrl, key, value, message, instruction, null, null, null,
                    null, null, null, null, null, null, null);
        }

        StepSpec(String type, ConditionSpec condition, List<StepSpec> steps, List<StepSpec> elseSteps) {
            this(type, null, null, null, null, null, null, null, null, null, condition, steps, elseSteps,
                    null, null, null, null, null, null, null);
        }

        StepSpec(String type, String text, List<ButtonSpec> buttons, String style, String url, String previewUrl,
                 String key, String value, String message, String instruction, ConditionSpec condition,
                 List<StepSpec> steps, List<StepSpec> elseSteps, String input, String pattern, String saveTo,
                 String retryText, Integer maxAttempts, String failText, String flowId) {
            this(type, text, buttons, style, url, previewUrl, key, value, message, instruction, condition, steps,
                    elseSteps, input, pattern, saveTo, retryText, maxAttempts, failText, flowId, null, null, null,
                    null, null, null, null);
        }

        /** A card, list or link_button step. */
        static StepSpec rich(String type, String text, List<ButtonSpec> buttons, String url, String title,
                             String imageUrl, LinkSpec link, String button, List<OptionSpec> options, String label) {
            return new StepSpec(type, text, buttons, null, url, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, title, imageUrl, link, button, options, label, null);
        }

        /** A carousel step. */
        static StepSpec carousel(List<CardSpec> cards) {
            return new StepSpec("carousel", null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, cards);
        }

        static StepSpec of(Step step) {
            return switch (step) {
                case Step.Text t -> new StepSpec(t.type(), t.text(), null, null, null, null, null, null, null, null);
                case Step.Buttons b -> new StepSpec(b.type(), b.text(),
                        b.buttons().stream().map(ButtonSpec::of).toList(),
                        b.style().wireName(), null, null, null, null, null, null);
                case Step.Image i -> new StepSpec(i.type(), null, null, null, i.url(), i.previewUrl(), null, null, null,
                        null);
                case Step.SetAttribute a -> new StepSpec(a.type(), null, null, null, null, null, a.key(),
                        a.value(), null, null);
                case Step.Handoff h -> new StepSpec(h.type(), null, null, null, null, null, null, null, h.message(),
                        null);
                case Step.AskLlm a -> new StepSpec(a.type(), null, null, null, null, null, null, null, null,
                        a.instruction());
                case Step.Branch b -> new StepSpec(b.type(), ConditionSpec.of(b.condition()),
                        b.steps().stream().map(StepSpec::of).toList(),
                        b.elseSteps() == null ? null : b.elseSteps().stream().map(StepSpec::of).toList());
                case Step.Ask a -> new StepSpec(a.type(), a.text(), a.buttons() == null ? null
                        : a.buttons().stream().map(x -> new ButtonSpec(x.label(), x.postback())).toList(), null, null,
                        null, null, null, null, null, null, null, null, a.input().wireName(), a.pattern(), a.saveTo(),
                        a.retryText(), a.maxAttempts(), a.failText(), null);
                case Step.GoTo g -> new StepSpec(g.type(), null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, g.flowId());
                case Step.Card c -> rich(c.type(), c.text(), c.buttons() == null ? null
                                : c.buttons().stream().map(ButtonSpec::of).toList(), null, c.title(), c.imageUrl(),
                        c.link() == null ? null : new LinkSpec(c.link().label(), c.link().url()), null, null, null);
                case Step.OptionList l -> rich(l.type(), l.text(), null, null, null, null, null, l.button(),
                        l.options().stream().map(o -> new OptionSpec(o.label(), o.description(), o.postback(),
                                o.flowId())).toList(), null);
                case Step.LinkButton l -> rich(l.type(), l.text(), null, l.url(), null, null, null, null, null,
                        l.label());
                case Step.Carousel c -> carousel(c.cards().stream().map(card -> new CardSpec(card.title(),
                        card.text(), card.imageUrl(), card.buttons() == null ? null
                        : card.buttons().stream().map(ButtonSpec::of).toList())).toList());
            };
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FlowButton", description = "A button: `label` and either `postback` (the data a press sends "
            + "back, for a postback flow) or `flowId` (a flow of the same bot that a press starts)")
    record ButtonSpec(@Nullable @Schema(example = "Opening hours") String label,
                      @Nullable @Schema(example = "menu=hours") String postback,
                      @Nullable @Schema(description = "A flow of this bot that a press starts (instead of postback)")
                      String flowId) {

        ButtonSpec(String label, String postback) {
            this(label, postback, null);
        }

        static ButtonSpec of(Step.Button button) {
            return new ButtonSpec(button.label(), button.postback(), button.flowId());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FlowCard", description = "One card of a carousel: `title` (1-80), `text` (1-1000), optional "
            + "`imageUrl` (https) and 0-3 `buttons`")
    record CardSpec(@Nullable @Schema(example = "Chestnut cake") String title,
                    @Nullable @Schema(example = "Baked this morning.") String text,
                    @Nullable @Schema(example = "https://cdn.example.com/chestnut.jpg") String imageUrl,
                    @Nullable List<ButtonSpec> buttons) {
    }

    @Serdeable
    @Schema(name = "FlowLink", description = "A button that opens a web page")
    record LinkSpec(@Nullable @Schema(description = "1-20 characters", example = "Details") String label,
                    @Nullable @Schema(description = "http or https, at most 2000 characters",
                            example = "https://example.com/menu") String url) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FlowOption", description = "A list option: `label` (1-24), optional `description` (1-72) and "
            + "either `postback` or `flowId`")
    record OptionSpec(@Nullable @Schema(example = "Haircut") String label,
                      @Nullable @Schema(example = "30 minutes, from NT$600") String description,
                      @Nullable @Schema(example = "service=haircut") String postback,
                      @Nullable @Schema(description = "A flow of this bot that choosing the option starts")
                      String flowId) {
    }

    @Serdeable
    @Schema(name = "Flow")
    record FlowResponse(String id, String botId, String name, boolean enabled, int priority, TriggerSpec trigger,
                        List<StepSpec> steps,
                        @Nullable ConditionSpec condition,
                        Instant createdAt, Instant updatedAt) {
    }
}
