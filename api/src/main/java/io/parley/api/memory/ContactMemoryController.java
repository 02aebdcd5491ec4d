package io.parley.api.memory;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/** A contact's memory values (what bots' LLMs keep about it) and their history. */
@Controller("/api/v1/contacts/{contactId}/memory")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Memory")
@ProblemResponses.Authenticated
class ContactMemoryController {

    private final MemoryService memory;
    private final CallerResolver callers;

    ContactMemoryController(MemoryService memory, CallerResolver callers) {
        this.memory = memory;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.NotFound
    @Operation(operationId = "getContactMemory", summary = "Get a contact's memory values and their history",
            description = "Per bot the contact talks with: its fields and the stored values (a field without one "
                    + "has its default); the last 100 changes with who made them (llm, agent, flow, api).")
    MemoryWire.ContactMemory get(@PathVariable String contactId, Authentication authentication,
                                 HttpRequest<?> request) {
        return memory.contactMemory(callers.resolve(authentication, request), contactId);
    }

    @Patch
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "updateContactMemory", summary = "Set a contact's memory values (agent)",
            description = "A JSON merge patch of one bot's values, `{\"favorability\": 70}`: each must be valid for "
                    + "its field as it is (no step limit for people); null clears a value (the default applies). "
                    + "Recorded in the history as `agent` (or `api` for an API key).")
    MemoryWire.ContactMemory update(@PathVariable String contactId,
                                    @Parameter(description = "The bot whose fields are set", required = true)
                                    @Nullable @QueryValue String botId,
                                    @Parameter(description = "For per-conversation fields: the conversation")
                                    @Nullable @QueryValue String conversationId,
                                    @Body @Schema(description = "Field name to value (string, number, boolean or "
                                            + "null)") Map<String, Object> body,
                                    Authentication authentication, HttpRequest<?> request) {
        return memory.update(callers.resolve(authentication, request), contactId, botId, conversationId, body,
                MergePatch.of(request));
    }
}
