package io.parley.api.flow;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.parley.api.caller.Caller;
import io.parley.core.bot.BotRepository;
import io.parley.core.bot.BotRow;
import io.parley.core.flow.AnswerCheck;
import io.parley.core.flow.BotFlows;
import io.parley.core.flow.Flow;
import io.parley.core.flow.FlowEvent;
import io.parley.core.flow.FlowMatch;
import io.parley.core.flow.FlowMatcher;
import io.parley.core.flow.FlowTurn;
import io.parley.core.flow.Step;
import io.parley.core.flow.capture.AnswerTurn;
import io.parley.core.flow.capture.CaptureSettings;
import io.parley.core.flow.capture.InputKind;
import io.parley.core.contact.ContactTags;
import io.parley.core.flow.condition.ConditionFacts;
import io.parley.core.flow.condition.ConditionField;
import io.parley.core.flow.condition.TenantTimeZones;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers "what would the bot do with this message?" with the pipeline's own pieces: {@link BotFlows} loads the
 * matcher the worker caches, {@link FlowTurn} renders the steps, {@link AnswerTurn} decides the answer to a waiting
 * question, and the pipeline's cancel words leave it. Nothing is sent or stored (an access code is not redeemed).
 */
@Singleton
final class FlowDryRun {

    static final String CODES_NOT_REDEEMED = "Access codes are not redeemed in a dry-run: the answer is shown as a "
            + "refused code. Set the sample contact's accessCode to see the bot after a redemption.";

    private final TenantScope scope;
    private final BotRepository bots;
    private final BotFlows botFlows;
    private final TenantTimeZones zones;
    private final CaptureSettings captures;
    private final String sampleSetupUrl;

    FlowDryRun(TenantScope scope, BotRepository bots, BotFlows botFlows, TenantTimeZones zones,
               CaptureSettings captures, @Value("${parley.public-url}") String publicUrl) {
        this.zones = zones;
        this.scope = scope;
        this.bots = bots;
        this.botFlows = botFlows;
        this.captures = captures;
        // Real setup links are signed per contact; a dry-run shows where one would appear.
        this.sampleSetupUrl = publicUrl.replaceAll("/+$", "") + "/setup/dry-run-sample";
    }

    FlowDryRunWire.DryRunResponse run(Caller caller, String botId, FlowDryRunWire.DryRunRequest request) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        FlowEvent event = event(request);
        FlowDryRunWire.SampleContact contact = request.contact();
        FlowTurn.Recipient recipient = new FlowTurn.Recipient(contact == null ? null : contact.displayName(),
                contact == null || contact.tier() == null ? "free" : contact.tier(),
                contact == null || contact.attributes() == null ? Map.of() : contact.attributes());
        if (request.channel() != null && !ConditionField.CHANNELS.contains(request.channel())) {
            throw ProblemException.invalidField("channel", "must be one of " + String.join(", ", ConditionField.CHANNELS));
        }
        ConditionFacts facts = new ConditionFacts(recipient.displayName(), recipient.tier(), recipient.attributes(),
                contact != null && Boolean.TRUE.equals(contact.personaOverride()), request.channel(),
                request.at() == null ? Instant.now() : request.at(), () -> zones.of(tenant),
                request.variables() == null ? Map.of() : request.variables(),
                () -> contact != null && Boolean.TRUE.equals(contact.accessCode()))
                .withTags(contact == null || contact.tags() == null ? List.of() : sampleTags(contact.tags()));
        return scope.read(tenant, () -> {
            BotRow bot = Ids.parse(botId).flatMap(id -> bots.find(tenant.value(), id))
                    .orElseThrow(() -> ProblemException.notFound("Bot"));
            FlowMatcher matcher = botFlows.matcher(tenant, bot.id());
            FlowDryRunWire.WaitingQuestion waiting = request.waiting();
            FlowDryRunWire.Answer cancelled = null;
            if (waiting != null) {
                Flow asking = askingFlow(matcher, waiting);
                int attempts = waiting.attempts() == null ? 0 : waiting.attempts();
                if (event instanceof FlowEvent.Text || event instanceof FlowEvent.Postback) {
                    if (cancels(event)) {
                        cancelled = new FlowDryRunWire.Answer("cancelled", null, null, attempts);
                    } else {
                        return answered(asking, waiting.step(), attempts, event, facts, bot, matcher);
                    }
                }
            }
            FlowMatch match = matcher.match(event, facts);
            FlowTurn turn = match.found()
                    .map(flow -> FlowTurn.run(flow, 0, facts, bot.name(), sampleSetupUrl, matcher::flow))
                    .orElseGet(() -> FlowTurn.unmatched(event, bot.welcomeMessage(), recipient, bot.name(),
                            sampleSetupUrl));
            List<String> warnings = new ArrayList<>();
            for (Flow skipped : match.timedOut()) {
                warnings.add("Flow '" + skipped.name() + "' (" + skipped.id() + ") was skipped: its pattern ran "
                        + "longer than " + FlowMatcher.DEFAULT_REGEX_BUDGET.toMillis() + " ms on this message.");
            }
            return response(match.found().orElse(null), turn, Map.of(), warnings, cancelled);
        });
    }

    /** The message as the answer to the waiting question, as the pipeline's CapturePlanner decides it. */
    private FlowDryRunWire.DryRunResponse answered(Flow flow, int step, int attempts, FlowEvent event,
                                                   ConditionFacts facts, BotRow bot, FlowMatcher matcher) {
        Step.Ask ask = (Step.Ask) flow.steps().get(step);
        AnswerTurn result = AnswerTurn.answer(flow, step, attempts, event, facts, bot.name(), sampleSetupUrl,
                matcher::flow);
        List<String> warnings = ask.input() == InputKind.ACCESS_CODE ? List.of(CODES_NOT_REDEEMED) : List.of();
        String savedTo = result.target() == null ? null : ask.saveTo();
        FlowDryRunWire.Answer answer = new FlowDryRunWire.Answer(result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                result.value(), savedTo, result.attempts());
        return response(flow, result.turn(), result.variableChanges(), warnings, answer);
    }

    private FlowDryRunWire.DryRunResponse response(@Nullable Flow matched, FlowTurn turn,
                                                   Map<String, String> variableChanges, List<String> warnings,
                                                   @Nullable FlowDryRunWire.Answer answer) {
        return new FlowDryRunWire.DryRunResponse(matched == null ? null : matched(matched),
                turn.steps().stream().map(FlowWire.StepSpec::of).toList(), turn.then().wireName(),
                turn.attributeChanges(), variableChanges, warnings, turn.branches(),
                turn.waiting() == null ? null : turn.waiting().ask().saveTo() != null
                        ? turn.waiting().ask().saveTo() : "contact.accessCode", answer);
    }

    /** The flow whose ask step waits; a flow of another bot or tenant is refused like a goto step's. */
    private static Flow askingFlow(FlowMatcher matcher, FlowDryRunWire.WaitingQuestion waiting) {
        Flow flow = Ids.parse(waiting.flowId()).map(id -> matcher.flow(id.toString())).orElse(null);
        if (flow == null) {
            throw ProblemException.invalidField("waiting.flowId", "must be the id of a flow of this bot");
        }
        if (waiting.step() >= flow.steps().size() || !(flow.steps().get(waiting.step()) instanceof Step.Ask)) {
            throw ProblemException.invalidField("waiting.step", "must be the index of an ask step of that flow");
        }
        return flow;
    }

    private boolean cancels(FlowEvent event) {
        return event instanceof FlowEvent.Text text
                && captures.cancelWords().stream().anyMatch(word -> AnswerCheck.sameWord(word, text.text()));
    }

    private static FlowDryRunWire.MatchedFlow matched(Flow flow) {
        return new FlowDryRunWire.MatchedFlow(flow.id().toString(), flow.name(), flow.trigger().type());
    }

    private static FlowEvent event(FlowDryRunWire.DryRunRequest request) {
        int given = (request.text() != null ? 1 : 0) + (request.postback() != null ? 1 : 0)
                + (request.event() != null ? 1 : 0);
        if (given != 1) {
            throw ProblemException.invalidField("text", "send exactly one of text, postback or event");
        }
        if (request.text() != null) {
            return new FlowEvent.Text(request.text());
        }
        if (request.postback() != null) {
            return new FlowEvent.Postback(request.postback());
        }
        if (!"follow".equals(request.event())) {
            throw ProblemException.invalidField("event", "must be follow");
        }
        return new FlowEvent.Follow();
    }

    /** The sample's tags, checked like a contact's (400 naming {@code contact.tags}). */
    private static List<String> sampleTags(List<String> tags) {
        try {
            return ContactTags.normalize(tags);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("contact.tags", e.getMessage());
        }
    }
}
