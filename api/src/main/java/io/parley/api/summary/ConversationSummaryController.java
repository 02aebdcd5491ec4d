package io.parley.api.summary;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.api.caller.Caller;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.core.audit.AuditLog;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.summary.ConversationSummaryRepository;
import io.parley.core.summary.ConversationSummaryRepository.SummaryRow;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A conversation's long-memory summary (docs/llm.md "Long memory"): every member reads it, agents and above correct
 * it. The bot's summary job keeps writing on top of an edited summary.
 */
@Controller("/api/v1/conversations")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Conversations")
@ProblemResponses.Authenticated
class ConversationSummaryController {

    private final TenantScope scope;
    private final ConversationRepository conversations;
    private final ConversationSummaryRepository summaries;
    private final CallerResolver callers;
    private final AuditLog audit;

    ConversationSummaryController(TenantScope scope, ConversationRepository conversations,
                                  ConversationSummaryRepository summaries, CallerResolver callers, AuditLog audit) {
        this.scope = scope;
        this.conversations = conversations;
        this.summaries = summaries;
        this.callers = callers;
        this.audit = audit;
    }

    @Serdeable
    @Schema(name = "ConversationSummary", description = "What the bot remembers of the conversation beyond its "
            + "history window. summary is \"\" while there is none")
    record SummaryResponse(
            @Schema(requiredMode = REQUIRED, example = "The user is Mei, a night-shift nurse who sleeps badly.")
            String summary,
            @Nullable @Schema(type = "string", allowableValues = {"llm", "agent"},
                    description = "Who wrote it last: the summary job (llm) or a member (agent); null while none")
            String source,
            @Nullable @Schema(description = "The model of the last summary job", example = "gpt-4o-mini") String model,
            @Nullable @Schema(description = "The newest message the summary covers") String upToMessageId,
            @Nullable Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "ConversationSummaryRequest")
    record SummaryRequest(@NotNull @Size(max = 8000) @Schema(requiredMode = REQUIRED,
            description = "The whole summary; \"\" empties it") String summary) {
    }

    @Get("/{conversationId}/summary")
    @ProblemResponses.NotFound
    @Operation(operationId = "getConversationSummary", summary = "Get a conversation's summary",
            description = "The rolling summary the bot's LLM sees with the last messages (bots with "
                    + "memory.summary on); see docs/llm.md#long-memory.")
    SummaryResponse get(@PathVariable String conversationId, Authentication authentication, HttpRequest<?> request) {
        TenantId tenant = callers.resolve(authentication, request).requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> {
            ConversationRow conversation = find(tenant, conversationId);
            return view(summaries.find(tenant.value(), conversation.id()).orElse(null));
        });
    }

    @Put("/{conversationId}/summary")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "putConversationSummary", summary = "Replace a conversation's summary (agent)",
            description = "Corrects what the bot remembers; the next summary job starts from this text. Recorded in "
                    + "the audit log (without the text).")
    SummaryResponse put(@PathVariable String conversationId, @Body @Valid SummaryRequest body,
                        Authentication authentication, HttpRequest<?> request) {
        Caller caller = callers.resolve(authentication, request);
        TenantId tenant = caller.requireTenant(Role.AGENT);
        return scope.write(tenant, () -> {
            ConversationRow conversation = find(tenant, conversationId);
            summaries.edit(tenant.value(), conversation.id(), body.summary().strip(),
                    caller.user() == null ? null : caller.user().value());
            audit.record(tenant, caller.actor(), "conversation.summary_updated", "conversation",
                    conversation.id().toString(), Map.of("length", body.summary().strip().length()));
            return view(summaries.find(tenant.value(), conversation.id()).orElseThrow());
        });
    }

    private ConversationRow find(TenantId tenant, String conversationId) {
        return Ids.parse(conversationId).flatMap(id -> conversations.find(tenant.value(), id))
                .orElseThrow(() -> ProblemException.notFound("Conversation"));
    }

    private static SummaryResponse view(@Nullable SummaryRow row) {
        if (row == null) {
            return new SummaryResponse("", null, null, null, null);
        }
        return new SummaryResponse(row.summary(), row.source(), row.model(),
                row.upToMessageId() == null ? null : row.upToMessageId().toString(), row.updatedAt());
    }
}
