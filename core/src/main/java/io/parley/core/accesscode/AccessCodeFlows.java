package io.parley.core.accesscode;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.flow.Flow;
import io.parley.core.flow.FlowCodec;
import io.parley.core.flow.FlowRepository;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.flow.capture.InputKind;
import io.parley.core.flow.condition.Condition;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.UUID;

/**
 * Whether a bot asks its contacts for an access code, so that the setup page offers to take one too: one of its
 * enabled flows is a gate whose {@code until} reads {@code contact.accessCode} (the chat stays closed until a code
 * is redeemed), or has an {@code ask} step with input {@code access_code}. Call inside the tenant's scope.
 */
@Singleton
public final class AccessCodeFlows {

    static final String FIELD = "contact.accessCode";

    private final FlowRepository flows;
    private final FlowCodec codec;

    AccessCodeFlows(FlowRepository flows, FlowCodec codec) {
        this.flows = flows;
        this.codec = codec;
    }

    public boolean asked(UUID tenantId, UUID botId) {
        return asks(flows.listForBot(tenantId, botId).stream().map(codec::read).toList());
    }

    static boolean asks(Collection<Flow> botFlows) {
        return botFlows.stream().filter(Flow::enabled).anyMatch(flow ->
                flow.trigger() instanceof Trigger.Gate gate && reads(gate.until())
                        || flow.steps().stream().anyMatch(step ->
                        step instanceof Step.Ask ask && ask.input() == InputKind.ACCESS_CODE));
    }

    private static boolean reads(@Nullable Condition condition) {
        if (condition == null) {
            return false;
        }
        return FIELD.equals(condition.field()) || reads(condition.not())
                || condition.all() != null && condition.all().stream().anyMatch(AccessCodeFlows::reads)
                || condition.any() != null && condition.any().stream().anyMatch(AccessCodeFlows::reads);
    }
}
