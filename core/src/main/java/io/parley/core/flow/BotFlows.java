package io.parley.core.flow;

import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Loads a bot's flows as a ready {@link FlowMatcher}. The message pipeline caches the result per bot (dropped on
 * the "parley_config" notification); the API's dry-run loads it fresh. Call inside the tenant's scope.
 */
@Singleton
public final class BotFlows {

    private final FlowRepository flows;
    private final FlowCodec codec;

    BotFlows(FlowRepository flows, FlowCodec codec) {
        this.flows = flows;
        this.codec = codec;
    }

    public FlowMatcher matcher(TenantId tenant, UUID botId) {
        return FlowMatcher.of(flows.listForBot(tenant.value(), botId).stream().map(codec::read).toList());
    }
}
