package io.parley.api.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of POST /api/v1/bots/{botId}/flows/dry-run (the flows themselves are in {@link FlowWire}). */
final class FlowDryRunWire {

    private FlowDryRunWire() {
    }

    @Serdeable
    @Schema(name = "FlowDryRunRequest", description = "Exactly one of text, postback or event; the rest is optional "
            + "and describes the contact and conversation the message comes from.",
            examples = "{\"text\": \"What are your hours?\", \"contact\": {\"displayName\": \"美玲\", \"tier\": \"free\"}}")
    record DryRunRequest(
            @Nullable @Size(max = 5000) @Schema(description = "A text message", example = "What are your hours?")
            String text,
            @Nullable @Size(max = 300) @Schema(description = "Postback data of a pressed button", example = "menu=hours")
            String postback,
            @Nullable @Schema(description = "An event without content", allowableValues = {"follow"}) String event,
            @Nullable @Valid SampleContact contact,
            @Nullable @Schema(description = "The channel the message comes from, for channel conditions (default: "
                    + "none, so channel tests fail)", allowableValues = {"line", "whatsapp", "telegram", "web"})
            String channel,
            @Nullable @Schema(description = "When the message arrives, for time and weekday conditions (default: now)")
            Instant at,
            @Nullable @Schema(description = "The conversation's captured variables, for `conversation.variables.<key>` "
                    + "conditions (default: none)", example = "{\"date\": \"2026-12-24\"}")
            Map<String, Object> variables,
            @Nullable @Valid WaitingQuestion waiting) {
    }

    @Serdeable
    @Schema(name = "FlowSampleContact", description = "Whom to render placeholders for (defaults: no name, tier free)")
    record SampleContact(@Nullable @Size(max = 200) @Schema(example = "美玲") String displayName,
                         @Nullable @Size(min = 1, max = 40) @Schema(example = "premium") String tier,
                         @Nullable @Schema(example = "{\"sign\": \"Leo\"}") Map<String, Object> attributes,
                         @Nullable @Schema(description = "Whether the contact saved a persona on the setup page "
                                 + "(default false)") Boolean personaOverride,
                         @Nullable @Schema(description = "Whether the contact redeemed an access code of the bot "
                                 + "(default false)") Boolean accessCode,
                         @Nullable @Size(max = 20) @Schema(description = "The contact's tags, for `contact.tags` "
                                 + "conditions (default: none)", example = "[\"vip\"]") List<String> tags) {

        SampleContact(String displayName, String tier, Map<String, Object> attributes, Boolean personaOverride) {
            this(displayName, tier, attributes, personaOverride, null, null);
        }
    }

    @Serdeable
    @Schema(name = "FlowDryRunWaiting", description = "A question the conversation is waiting to have answered: the "
            + "message is then its answer (unless it is a cancel word), as in the message pipeline.",
            examples = "{\"flowId\": \"0193a4b2-7c1e-7d2a-9f00-3c5e8a1b2c3d\", \"step\": 0, \"attempts\": 1}")
    record WaitingQuestion(
            @NotNull @Schema(requiredMode = REQUIRED, description = "A flow of this bot") String flowId,
            @NotNull @Min(0) @Max(19) @Schema(requiredMode = REQUIRED,
                    description = "The index of the flow's top-level ask step that asked") Integer step,
            @Nullable @Min(0) @Max(9) @Schema(description = "Invalid answers already given (default 0)")
            Integer attempts) {
    }

    @Serdeable
    @Schema(name = "FlowDryRun", examples = """
            {"matched": {"id": "0193a4b2-7c1e-7d2a-9f00-3c5e8a1b2c3d", "name": "Opening hours", "triggerType": "keyword"},
             "steps": [{"type": "text", "text": "We are open 10:00-18:00, 美玲."}],
             "then": "reply", "attributeChanges": {}, "variableChanges": {}, "warnings": [], "branches": []}""")
    record DryRunResponse(
            @Nullable MatchedFlow matched,
            @Schema(requiredMode = REQUIRED,
                    description = "What would be sent and done, in order, with placeholders filled in")
            List<FlowWire.StepSpec> steps,
            @Schema(requiredMode = REQUIRED,
                    description = "reply: the steps are the whole answer; llm: the LLM answers (after the steps); "
                    + "handoff: the bot pauses and a person takes over", allowableValues = {"reply", "llm", "handoff"})
            String then,
            @Schema(requiredMode = REQUIRED,
                    description = "Contact attributes the turn would set (a captured answer first)")
            Map<String, String> attributeChanges,
            @Schema(requiredMode = REQUIRED,
                    description = "Conversation variables the turn would set (a captured answer)")
            Map<String, String> variableChanges,
            @Schema(requiredMode = REQUIRED,
                    description = "Flows skipped on this message, e.g. a regex that ran out of time")
            List<String> warnings,
            @Schema(requiredMode = REQUIRED, description = "Branch steps met and the way each went, e.g. "
                    + "\"steps[1]: then\", \"steps[1]: else\" or \"steps[2]: goto Booking\"") List<String> branches,
            @Nullable @Schema(description = "When the flow would ask a question (or ask again): where the answer "
                    + "would be stored (the conversation then waits for it); `contact.accessCode` for an access code "
                    + "with no saveTo", example = "contact.attributes.partySize")
            String waitsForAnswer,
            @Nullable @Schema(description = "With `waiting`: what the message did to the waiting question; null "
                    + "without one, and for a follow event (not an answer)") Answer answer) {
    }

    @Serdeable
    @Schema(name = "FlowDryRunMatch", description = "The flow that answers; null when none does")
    record MatchedFlow(String id, String name,
                       @Schema(requiredMode = REQUIRED,
                               description = "gate: a gate that is still closed for this contact answered")
                       String triggerType) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FlowDryRunAnswer", description = "The message as the answer to the waiting question",
            examples = "{\"outcome\": \"captured\", \"value\": \"1200\", \"savedTo\": \"contact.attributes.partySize\", "
                    + "\"attempts\": 0}")
    record Answer(
            @Schema(requiredMode = REQUIRED, description = "captured: valid, stored, the flow goes on; reask: invalid, "
                    + "asked again; failed: invalid and the attempts are used up, the flow ends; cancelled: a cancel "
                    + "word left the question and the message was handled as an ordinary one",
                    allowableValues = {"captured", "reask", "failed", "cancelled"}) String outcome,
            @Nullable @Schema(description = "captured: the stored value, normalized (1,200 → 1200)", example = "1200")
            String value,
            @Nullable @Schema(description = "captured: where it was stored", example = "contact.attributes.partySize")
            String savedTo,
            @Schema(requiredMode = REQUIRED, description = "Invalid answers counted at the question after this one")
            int attempts) {
    }
}
