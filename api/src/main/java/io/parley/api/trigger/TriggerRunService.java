package io.parley.api.trigger;

import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.flow.FlowRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.trigger.TriggerRunRepository;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Reads a flow's runs; the flow must be the caller's tenant's and under the named bot, else 404. */
@Singleton
final class TriggerRunService {

    private final TenantScope scope;
    private final FlowRepository flows;
    private final TriggerRunRepository runs;

    TriggerRunService(TenantScope scope, FlowRepository flows, TriggerRunRepository runs) {
        this.scope = scope;
        this.flows = flows;
        this.runs = runs;
    }

    PageResponse<TriggerRunWire.TriggerRunResponse> list(Caller caller, String botId, String flowId, String cursor,
                                                          Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        UUID bot = Ids.parse(botId).orElseThrow(() -> ProblemException.notFound("Flow"));
        UUID flow = Ids.parse(flowId).orElseThrow(() -> ProblemException.notFound("Flow"));
        return scope.read(tenant, () -> {
            flows.find(tenant.value(), bot, flow).orElseThrow(() -> ProblemException.notFound("Flow"));
            return PageResponse.of(runs.page(tenant.value(), flow, before, size + 1), size,
                    TriggerRunWire.TriggerRunResponse::of, row -> row.id().toString());
        });
    }
}
