package io.parley.api.bot;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Bots: persona, LLM settings, messages, limits. */
@Controller("/api/v1/bots")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Bots")
@ProblemResponses.Authenticated
class BotController {

    private final BotService bots;
    private final CallerResolver callers;

    BotController(BotService bots, CallerResolver callers) {
        this.bots = bots;
        this.callers = callers;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createBot", summary = "Create a bot (admin)",
            description = "`name` is required; every other field has a default. 402 when the plan's bot limit is "
                    + "reached.")
    @ProblemResponses.JsonBody
    @ProblemResponses.PlanLimit
    BotWire.BotResponse create(@Body @Valid BotWire.BotRequest body, Authentication authentication, HttpRequest<?> request) {
        return bots.create(callers.resolve(authentication, request), body, MergePatch.of(request));
    }

    @Get
    @Operation(operationId = "listBots", summary = "List bots, newest first",
            description = "Pass the answer's `nextCursor` as `cursor` for the next page.")
    @ProblemResponses.BadRequest
    @Schema(name = "BotPage")
    PageResponse<BotWire.BotResponse> list(@Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                                           @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                                           Authentication authentication, HttpRequest<?> request) {
        return bots.list(callers.resolve(authentication, request), cursor, limit);
    }

    @Get("/{botId}")
    @Operation(operationId = "getBot", summary = "Get a bot", description = "The bot's settings; the LLM API key "
            + "is never returned, only whether one is set and its last characters.")
    @ProblemResponses.NotFound
    BotWire.BotResponse get(@PathVariable String botId, Authentication authentication, HttpRequest<?> request) {
        return bots.get(callers.resolve(authentication, request), botId);
    }

    @Patch("/{botId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "updateBot", summary = "Change a bot (admin)", description = "A JSON Merge Patch (RFC 7396): members left out keep "
            + "their value, null removes one, `llm`, `limits`, `limits.tiers` and each tier merge member by member; "
            + "\"\" also clears optional text; `llm.apiKey` null or \"\" removes the stored key.")
    BotWire.BotResponse update(@PathVariable String botId, @Body @Valid BotWire.BotRequest body,
                               Authentication authentication, HttpRequest<?> request) {
        return bots.update(callers.resolve(authentication, request), botId, body, MergePatch.of(request));
    }

    @Delete("/{botId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteBot", summary = "Delete a bot with its channels and flows (admin)",
            description = "Its conversations and contacts stay; its channels stop receiving messages at once.")
    @ProblemResponses.NotFound
    void delete(@PathVariable String botId, Authentication authentication, HttpRequest<?> request) {
        bots.delete(callers.resolve(authentication, request), botId);
    }
}
