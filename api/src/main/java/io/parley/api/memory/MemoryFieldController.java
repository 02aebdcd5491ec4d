package io.parley.api.memory;

import io.micronaut.context.annotation.Requires;
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
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** A bot's memory fields: the typed values its LLM keeps per contact or conversation. */
@Controller("/api/v1/bots/{botId}/memory-fields")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Memory")
@ProblemResponses.Authenticated
class MemoryFieldController {

    private final MemoryService memory;
    private final MemoryStatsService stats;
    private final CallerResolver callers;

    MemoryFieldController(MemoryService memory, MemoryStatsService stats, CallerResolver callers) {
        this.memory = memory;
        this.stats = stats;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.NotFound
    @Operation(operationId = "getMemoryFields", summary = "Get a bot's memory fields",
            description = "The typed fields the bot's LLM keeps and updates every turn; see docs/flows.md#memory.")
    MemoryWire.FieldsResponse get(@PathVariable String botId, Authentication authentication,
                                  HttpRequest<?> request) {
        return memory.fields(callers.resolve(authentication, request), botId);
    }

    @Put
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "putMemoryFields", summary = "Replace a bot's memory fields (admin)",
            description = "The whole list at once (at most 20). Stored values of a field that is dropped are kept "
                    + "but no longer read; a field the persona reads as {{memory.<name>}} cannot be dropped.")
    MemoryWire.FieldsResponse put(@PathVariable String botId, @Body @Valid MemoryWire.FieldsRequest body,
                                  Authentication authentication, HttpRequest<?> request) {
        return memory.saveFields(callers.resolve(authentication, request), botId, body);
    }

    @Get("/stats")
    @ProblemResponses.NotFound
    @Operation(operationId = "getMemoryFieldStats", summary = "Count the contacts that have each memory field set",
            description = "Per declared field, the distinct contacts with a stored value, and the bot's contacts; "
                    + "see docs/flows.md#memory.")
    MemoryWire.FieldStats stats(@PathVariable String botId, Authentication authentication, HttpRequest<?> request) {
        return stats.stats(callers.resolve(authentication, request), botId);
    }
}
