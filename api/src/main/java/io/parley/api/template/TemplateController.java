package io.parley.api.template;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
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

/**
 * WhatsApp message templates of a bot, kept per WhatsApp channel (each channel reaches one WhatsApp Business
 * Account), and each channel's 24-hour-window fallback template.
 */
@Controller("/api/v1/bots/{botId}/templates")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Templates")
@ProblemResponses.Authenticated
class TemplateController {

    private final TemplateService templates;
    private final WindowFallbackService fallbacks;
    private final CallerResolver callers;

    TemplateController(TemplateService templates, WindowFallbackService fallbacks, CallerResolver callers) {
        this.templates = templates;
        this.fallbacks = fallbacks;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.NotFound
    @Operation(operationId = "listWhatsAppTemplates", summary = "List the bot's WhatsApp templates",
            description = "The templates of every WhatsApp channel of the bot, by name and language, as last synced "
                    + "or submitted; statuses move with Meta's status webhooks.")
    TemplateWire.TemplateList list(@PathVariable String botId, Authentication authentication,
                                   HttpRequest<?> request) {
        return templates.list(callers.resolve(authentication, request), botId);
    }

    @Post("/sync")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.ProviderUnreachable
    @Operation(operationId = "syncWhatsAppTemplates", summary = "Read the templates from Meta (admin)",
            description = "Reads every page of the WhatsApp Business Account's templates for one channel or all the "
                    + "bot's WhatsApp channels; templates gone at Meta are removed. 409 when a channel has no "
                    + "`businessAccountId` credential or Meta refuses the token.")
    TemplateWire.SyncResponse sync(@PathVariable String botId, @Body @Valid TemplateWire.SyncRequest body,
                                   Authentication authentication, HttpRequest<?> request) {
        return templates.sync(callers.resolve(authentication, request), botId, body);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.ProviderUnreachable
    @Operation(operationId = "createWhatsAppTemplate", summary = "Submit a new template to Meta (admin)",
            description = "Checked first (every problem named by its field, e.g. `components[1].example.bodyText`), "
                    + "then submitted; it starts PENDING until Meta reviews it.")
    TemplateWire.TemplateResponse create(@PathVariable String botId, @Body @Valid TemplateWire.CreateRequest body,
                                         Authentication authentication, HttpRequest<?> request) {
        return templates.create(callers.resolve(authentication, request), botId, body);
    }

    @Get("/{templateId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getWhatsAppTemplate", summary = "Get a template", description = "One template.")
    TemplateWire.TemplateResponse get(@PathVariable String botId, @PathVariable String templateId,
                                      Authentication authentication, HttpRequest<?> request) {
        return templates.get(callers.resolve(authentication, request), botId, templateId);
    }

    @Delete("/{templateId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.ProviderUnreachable
    @Operation(operationId = "deleteWhatsAppTemplate", summary = "Delete a template at Meta and here (admin)",
            description = "Deletes this language of the template from the WhatsApp Business Account.")
    void delete(@PathVariable String botId, @PathVariable String templateId, Authentication authentication,
                HttpRequest<?> request) {
        templates.delete(callers.resolve(authentication, request), botId, templateId);
    }

    @Get("/window-fallbacks/{channelId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getWhatsAppWindowFallback", summary = "Get a channel's 24-hour fallback template",
            description = "404 when none is set: messages refused outside the 24-hour window then fail with that "
                    + "reason.")
    TemplateWire.WindowFallback getFallback(@PathVariable String botId, @PathVariable String channelId,
                                            Authentication authentication, HttpRequest<?> request) {
        return fallbacks.get(callers.resolve(authentication, request), botId, channelId);
    }

    @Put("/window-fallbacks/{channelId}")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "putWhatsAppWindowFallback", summary = "Set a channel's 24-hour fallback template (admin)",
            description = "Agent sends and bot replies that WhatsApp refuses outside the 24-hour window (131047) "
                    + "are sent as this template instead, its body variables filled per contact.")
    TemplateWire.WindowFallback putFallback(@PathVariable String botId, @PathVariable String channelId,
                                            @Body @Valid TemplateWire.WindowFallbackRequest body,
                                            Authentication authentication, HttpRequest<?> request) {
        return fallbacks.put(callers.resolve(authentication, request), botId, channelId, body);
    }

    @Delete("/window-fallbacks/{channelId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "deleteWhatsAppWindowFallback", summary = "Remove a channel's 24-hour fallback (admin)",
            description = "Messages refused outside the window fail again, with the reason.")
    void deleteFallback(@PathVariable String botId, @PathVariable String channelId, Authentication authentication,
                        HttpRequest<?> request) {
        fallbacks.delete(callers.resolve(authentication, request), botId, channelId);
    }
}
