package io.parley.api.setuppage;

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

/** /api/v1/bots/{botId}/setup-page: what the bot's public setup page shows and accepts (docs/setup-page.md). */
@Controller("/api/v1/bots/{botId}/setup-page")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Bots")
@ProblemResponses.Authenticated
class SetupPageController {

    private final SetupPageService pages;
    private final CallerResolver callers;

    SetupPageController(SetupPageService pages, CallerResolver callers) {
        this.pages = pages;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.NotFound
    @Operation(operationId = "getBotSetupPage", summary = "The bot's setup-page settings (any member)",
            description = "A bot never configured answers the defaults: the nickname field, persona override off.")
    SetupPageWire.SettingsSpec get(@PathVariable String botId, Authentication authentication, HttpRequest<?> request) {
        return pages.get(callers.resolve(authentication, request), botId);
    }

    @Put
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "replaceBotSetupPage", summary = "Replace the bot's setup-page settings (admin)",
            description = "The whole settings document (a small one, so it is replaced rather than merged); every "
                    + "wrong part is named in `errors` by its path, e.g. `fields[1].label.zh-Hant`. Audited as "
                    + "bot.setup_page_updated.")
    SetupPageWire.SettingsSpec put(@PathVariable String botId, @Body @Valid SetupPageWire.SettingsSpec body,
                                   Authentication authentication, HttpRequest<?> request) {
        return pages.put(callers.resolve(authentication, request), botId, body);
    }
}
