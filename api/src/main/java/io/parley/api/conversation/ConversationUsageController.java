package io.parley.api.conversation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationUsageRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A conversation's LLM usage totals (docs/llm.md, "Usage"): every member reads them. */
@Controller("/api/v1/conversations")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Conversations")
@ProblemResponses.Authenticated
class ConversationUsageController {

    private final TenantScope scope;
    private final ConversationRepository conversations;
    private final ConversationUsageRepository usage;
    private final CallerResolver callers;

    ConversationUsageController(TenantScope scope, ConversationRepository conversations,
                                ConversationUsageRepository usage, CallerResolver callers) {
        this.scope = scope;
        this.conversations = conversations;
        this.usage = usage;
        this.callers = callers;
    }

    @Serdeable
    @Schema(name = "ConversationUsage", description = "The LLM calls made for a conversation, summed. costMicros "
            + "sums the priced calls only; unpricedCalls counts calls whose model has no price (their cost is "
            + "unknown, not 0)")
    record UsageResponse(@Schema(requiredMode = REQUIRED, example = "12") long calls,
                         @Schema(requiredMode = REQUIRED, example = "5400") long promptTokens,
                         @Schema(requiredMode = REQUIRED, example = "960") long completionTokens,
                         @Schema(requiredMode = REQUIRED, description = "Micro-USD", example = "1386")
                         long costMicros,
                         @Schema(requiredMode = REQUIRED, example = "0") long unpricedCalls,
                         @Schema(requiredMode = REQUIRED, example = "[\"gpt-4o-mini\"]") List<String> models) {
    }

    @Get("/{conversationId}/usage")
    @ProblemResponses.NotFound
    @Operation(operationId = "getConversationUsage", summary = "Get a conversation's LLM usage totals",
            description = "Calls, tokens and cost of the LLM calls made for the conversation. Calls of a model "
                    + "without a price are counted in unpricedCalls and left out of costMicros.")
    UsageResponse get(@PathVariable String conversationId, Authentication authentication, HttpRequest<?> request) {
        TenantId tenant = callers.resolve(authentication, request).requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> {
            var conversation = Ids.parse(conversationId).flatMap(id -> conversations.find(tenant.value(), id))
                    .orElseThrow(ConversationService::notFound);
            var totals = usage.totals(tenant.value(), conversation.id());
            return new UsageResponse(totals.calls(), totals.promptTokens(), totals.completionTokens(),
                    totals.costMicros(), totals.unpricedCalls(),
                    totals.models().isEmpty() ? List.of() : Arrays.asList(totals.models().split(",")));
        });
    }
}
