package io.parley.api.flow;

import io.micronaut.context.annotation.Value;
import io.parley.api.caller.Caller;
import io.parley.core.bot.BotRepository;
import io.parley.core.bot.BotRow;
import io.parley.core.flow.BotFlows;
import io.parley.core.flow.Flow;
import io.parley.core.flow.FlowEvent;
import io.parley.core.flow.FlowMatch;
import io.parley.core.flow.FlowMatcher;
import io.parley.core.flow.FlowTurn;
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
 * matcher the worker caches, {@link FlowTurn} renders the steps. Nothing is sent or stored.
 */
@Singleton
final class FlowDryRun {

    private final TenantScope scope;
    private final BotRepository bots;
    private final BotFlows botFlows;
    private final String sampleSetupUrl;

    private final TenantTimeZones zones;

    FlowDryRun(TenantScope scope, BotRepository bots, BotFlows botFlows, TenantTimeZones zones,
               @Value("${parley.public-url}") String publicUrl) {
        this.zones = zones;
        this.scope = scope;
        this.bots = bots;
        this.botFlows = botFlows;
        // Real setup links are signed per contact; a dry-run shows where one would appear.
        this.sampleSetupUrl = publicUrl.replaceAll("/+$", "") + "/setup/dry-run-sample";
    }

    FlowWire.DryRunResponse run(Caller caller, String botId, FlowWire.DryRunRequest request) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        FlowEvent event = event(request);
        FlowWire.SampleContact contact = request.contact();
        FlowTurn.Recipient recipient = new FlowTurn.Recipient(contact == null ? null : contact.displayName(),
                contact == null || contact.tier() == null ? "free" : contact.tier(),
                contact == null || contact.attributes() == null ? Map.of() : contact.attributes());
        if (request.channel() != null && !ConditionField.CHANNELS.contains(request.channel())) {
            throw ProblemException.invalidField("channel", "must be one of " + String.join(", ", ConditionField.CHANNELS));
        }
        ConditionFacts facts = new ConditionFacts(recipient.displayName(), recipient.tier(), recipient.attributes(),
                contact != null && Boolean.TRUE.equals(contact.personaOverride()), request.channel(),
                request.at() == null ? Instant.now() : request.at(), () -> zones.of(tenant), Map.of(),
                () -> contact != null && Boolean.TRUE.equals(contact.accessCode()));
        return scope.read(tenant, () -> {
            BotRow bot = Ids.parse(botId).flatMap(id -> bots.find(tenant.value(), id))
                    .orElseThrow(() -> ProblemException.notFound("Bot"));
            FlowMatcher matcher = botFlows.matcher(tenant, bot.id());
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
            return new FlowWire.DryRunResponse(match.found().map(FlowDryRun::matched).orElse(null),
                    turn.steps().stream().map(FlowWire.StepSpec::of).toList(), turn.then().wireName(),
                    turn.attributeChanges(), warnings, turn.branches(),
                    turn.waiting() == null ? null : turn.waiting().ask().saveTo() != null
                            ? turn.waiting().ask().saveTo() : "contact.accessCode");
        });
    }

    private static FlowWire.MatchedFlow matched(Flow flow) {
        return new FlowWire.MatchedFlow(flow.id().toString(), flow.name(), flow.trigger().type());
    }

    private static FlowEvent event(FlowWire.DryRunRequest request) {
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
}
