package io.parley.api.flow;

import io.parley.api.caller.Caller;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.bot.BotRepository;
import io.parley.core.bot.BotRow;
import io.parley.core.flow.Flow;
import io.parley.core.flow.FlowCodec;
import io.parley.core.flow.FlowLimits;
import io.parley.core.flow.FlowRepository;
import io.parley.core.flow.FlowRow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.segment.SegmentRepository;
import io.parley.core.flow.condition.Condition;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemMessages;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bot's flows: admins configure, every member reads. Flows live under their bot: a flow id is found only with
 * its own bot's id, and an unknown or other tenant's bot is 404 like an unknown flow.
 */
@Singleton
final class FlowService {

    private final TenantScope scope;
    private final BotRepository bots;
    private final FlowRepository flows;
    private final FlowCodec codec;
    private final AuditLog audit;
    private final SegmentRepository segments;

    private final io.parley.api.memory.MemoryReferences memory;

    FlowService(TenantScope scope, BotRepository bots, FlowRepository flows, FlowCodec codec, AuditLog audit,
                SegmentRepository segments, io.parley.api.memory.MemoryReferences memory) {
        this.segments = segments;
        this.memory = memory;
        this.scope = scope;
        this.bots = bots;
        this.flows = flows;
        this.codec = codec;
        this.audit = audit;
    }

    /** Texts and conditions may read only the bot's declared memory fields. */
    private void requireDeclaredMemory(TenantId tenant, UUID bot, Flow flow) {
        memory.requireDeclared(tenant.value(), bot, "trigger", codec.writeTrigger(flow.trigger()));
        memory.requireDeclared(tenant.value(), bot, "steps", codec.writeSteps(flow.steps()));
        memory.requireDeclared(tenant.value(), bot, "condition", codec.writeCondition(flow.condition()));
    }

    FlowWire.FlowResponse create(Caller caller, String botId, FlowWire.FlowRequest request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        FlowValidation validation = new FlowValidation();
        if (request.name() == null || request.name().isBlank()) {
            validation.error("name", "must not be blank");
        }
        Trigger trigger = validation.trigger(request.trigger());
        List<Step> steps = validation.steps(request.steps());
        Condition condition = validation.condition(request.condition());
        validation.throwIfInvalid();
        return scope.write(tenant, () -> {
            UUID bot = Ids.parse(botId).flatMap(id -> flows.lockBot(tenant.value(), id))
                    .orElseThrow(() -> ProblemException.notFound("Bot"));
            checkSegment(tenant, trigger, validation);
            checkGotoTargets(tenant, bot, null, validation);
            if (flows.countForBot(tenant.value(), bot) >= FlowLimits.MAX_FLOWS_PER_BOT) {
                throw ProblemException.conflict("A bot can have at most " + FlowLimits.MAX_FLOWS_PER_BOT
                        + " flows; delete or merge some first.");
            }
            Flow flow = new Flow(Ids.next(), request.name().strip(), request.enabled() == null || request.enabled(),
                    request.priority() == null ? 0 : request.priority(), trigger, steps, condition);
            requireDeclaredMemory(tenant, bot, flow);
            flows.insert(tenant.value(), flow.id(), bot, flow.name(), flow.enabled(), flow.priority(),
                    trigger.type(), codec.writeTrigger(trigger), codec.writeSteps(steps),
                    codec.writeCondition(condition));
            audit.record(tenant, caller.actor(), "flow.created", "flow", flow.id().toString(),
                    Map.of("botId", bot.toString(), "name", flow.name(), "triggerType", trigger.type()));
            return toResponse(flows.find(tenant.value(), bot, flow.id()).orElseThrow());
        });
    }

    /** Every flow of the bot in match order, in one page: a bot has at most {@value FlowLimits#MAX_FLOWS_PER_BOT}. */
    PageResponse<FlowWire.FlowResponse> list(Caller caller, String botId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> {
            BotRow bot = findBot(tenant, botId);
            return new PageResponse<>(flows.listForBot(tenant.value(), bot.id()).stream().map(this::toResponse).toList(),
                    null);
        });
    }

    FlowWire.FlowResponse get(Caller caller, String botId, String flowId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> toResponse(findFlow(tenant, botId, flowId)));
    }

    FlowWire.FlowResponse update(Caller caller, String botId, String flowId, FlowWire.FlowRequest request,
                                 MergePatch patch) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.write(tenant, () -> {
            FlowRow row = findFlow(tenant, botId, flowId);
            Flow current = codec.read(row);
            FlowValidation validation = new FlowValidation();
            for (String field : List.of("name", "enabled", "priority", "trigger", "steps")) {
                if (patch.removes(field)) {
                    validation.error(field, ProblemMessages.CANNOT_REMOVE);
                }
            }
            if (request.name() != null && request.name().isBlank()) {
                validation.error("name", "must not be blank");
            }
            Trigger trigger = request.trigger() == null ? null
                    : validation.trigger(mergedTrigger(FlowWire.TriggerSpec.of(current.trigger()), request.trigger(), patch));
            List<Step> steps = request.steps() == null ? null : validation.steps(request.steps());
            // A condition is replaced whole (like steps): its all/any lists would not merge meaningfully.
            Condition condition = request.condition() == null ? null : validation.condition(request.condition());
            checkSegment(tenant, trigger, validation);
            checkGotoTargets(tenant, row.botId(), row.id(), validation);
            validation.throwIfInvalid();
            Condition nextCondition = request.condition() != null ? condition
                    : patch.removes("condition") ? null : current.condition();
            Flow next = new Flow(current.id(), request.name() != null ? request.name().strip() : current.name(),
                    request.enabled() != null ? request.enabled() : current.enabled(),
                    request.priority() != null ? request.priority() : current.priority(),
                    trigger != null ? trigger : current.trigger(), steps != null ? steps : current.steps(),
                    nextCondition);
            requireDeclaredMemory(tenant, row.botId(), next);
            flows.update(tenant.value(), row.botId(), row.id(), next.name(), next.enabled(), next.priority(),
                    next.trigger().type(), codec.writeTrigger(next.trigger()), codec.writeSteps(next.steps()),
                    codec.writeCondition(next.condition()));
            audit.record(tenant, caller.actor(), "flow.updated", "flow", row.id().toString(),
                    Map.of("botId", row.botId().toString(), "fields", changedFields(request, patch)));
            return toResponse(flows.find(tenant.value(), row.botId(), row.id()).orElseThrow());
        });
    }

    /**
     * Merge patch of the trigger (RFC 7396): with the same type (or none sent), members merge one by one (null
     * removes); a trigger of another type replaces the trigger, since the old type's members mean nothing to it.
     * {@code steps} is a list and is replaced whole, as RFC 7396 does with arrays.
     */
    private static FlowWire.TriggerSpec mergedTrigger(FlowWire.TriggerSpec current, FlowWire.TriggerSpec sent,
                                                      MergePatch patch) {
        if (sent.type() != null && !sent.type().equals(current.type())) {
            return sent;
        }
        return new FlowWire.TriggerSpec(current.type(),
                member(patch, "trigger.keywords", sent.keywords(), current.keywords()),
                member(patch, "trigger.match", sent.match(), current.match()),
                member(patch, "trigger.pattern", sent.pattern(), current.pattern()),
                member(patch, "trigger.data", sent.data(), current.data()),
                member(patch, "trigger.until", sent.until(), current.until()),
                member(patch, "trigger.after", sent.after(), current.after()),
                member(patch, "trigger.unit", sent.unit(), current.unit()),
                member(patch, "trigger.cron", sent.cron(), current.cron()),
                member(patch, "trigger.at", sent.at(), current.at()),
                member(patch, "trigger.segmentId", sent.segmentId(), current.segmentId()));
    }

    /** Removed when sent as null, the value sent if any, else (absent) the current one. */
    private static <T> T member(MergePatch patch, String path, T sent, T current) {
        if (sent != null) {
            return sent;
        }
        return patch.removes(path) ? null : current;
    }

    void delete(Caller caller, String botId, String flowId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            FlowRow row = findFlow(tenant, botId, flowId);
            flows.delete(tenant.value(), row.botId(), row.id());
            audit.record(tenant, caller.actor(), "flow.deleted", "flow", row.id().toString(),
                    Map.of("botId", row.botId().toString(), "name", row.name()));
        });
    }

    /** A goto step must name a flow of the same bot (or the flow itself); another bot's or tenant's is not found. */
    /** A schedule's segment must be one of the tenant's (another tenant's id reads as no segment). */
    private void checkSegment(TenantId tenant, Trigger trigger, FlowValidation validation) {
        if (trigger instanceof Trigger.Schedule schedule && schedule.segmentId() != null
                && segments.find(tenant.value(), schedule.segmentId()).isEmpty()) {
            validation.error("trigger.segmentId", "must be the id of one of your segments");
        }
    }

    private void checkGotoTargets(TenantId tenant, UUID bot, UUID self, FlowValidation validation) {
        validation.gotoTargets().forEach((field, target) -> {
            if (!target.equals(self) && flows.find(tenant.value(), bot, target).isEmpty()) {
                validation.error(field, "must be the id of a flow of this bot");
            }
        });
        validation.throwIfInvalid();
    }

    private BotRow findBot(TenantId tenant, String botId) {
        return Ids.parse(botId).flatMap(id -> bots.find(tenant.value(), id))
                .orElseThrow(() -> ProblemException.notFound("Bot"));
    }

    private FlowRow findFlow(TenantId tenant, String botId, String flowId) {
        BotRow bot = findBot(tenant, botId);
        return Ids.parse(flowId).flatMap(id -> flows.find(tenant.value(), bot.id(), id))
                .orElseThrow(() -> ProblemException.notFound("Flow"));
    }

    private static List<String> changedFields(FlowWire.FlowRequest request, MergePatch patch) {
        List<String> fields = new ArrayList<>();
        if (request.name() != null) fields.add("name");
        if (request.enabled() != null) fields.add("enabled");
        if (request.priority() != null) fields.add("priority");
        if (request.trigger() != null) fields.add("trigger");
        if (request.steps() != null) fields.add("steps");
        if (request.condition() != null || patch.removes("condition")) fields.add("condition");
        return fields;
    }

    private FlowWire.FlowResponse toResponse(FlowRow row) {
        Flow flow = codec.read(row);
        return new FlowWire.FlowResponse(row.id().toString(), row.botId().toString(), flow.name(), flow.enabled(),
                flow.priority(), FlowWire.TriggerSpec.of(flow.trigger()),
                flow.steps().stream().map(FlowWire.StepSpec::of).toList(), FlowWire.ConditionSpec.of(flow.condition()),
                row.createdAt(), row.updatedAt());
    }
}
