package io.parley.api.contact;

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
import io.micronaut.http.annotation.Post;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The suppression list (per contact and channel) and the tenant's opt-out keywords. */
@Controller("/api/v1")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Contacts")
@ProblemResponses.Authenticated
class OptOutController {

    private final OptOutService optOuts;
    private final CallerResolver callers;

    OptOutController(OptOutService optOuts, CallerResolver callers) {
        this.optOuts = optOuts;
        this.callers = callers;
    }

    @Post("/contacts/{contactId}/opt-out")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "optOutContact", summary = "Put a contact on the suppression list (agent)",
            description = "No broadcast reaches the contact on that channel (or on any of its channels when "
                    + "`channelId` is left out) until it is opted in again. Answers the contact.")
    ContactWire.ContactResponse optOut(@PathVariable String contactId, @Body @Valid @Nullable OptOutWire.OptOutChange body,
                                       Authentication authentication, HttpRequest<?> request) {
        return optOuts.change(callers.resolve(authentication, request), contactId, body, true);
    }

    @Post("/contacts/{contactId}/opt-in")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "optInContact", summary = "Take a contact off the suppression list (agent)",
            description = "Removes the entries of that channel (or of all its channels), whatever put them there: "
                    + "only do it when the contact asked. Answers the contact.")
    ContactWire.ContactResponse optIn(@PathVariable String contactId, @Body @Valid @Nullable OptOutWire.OptOutChange body,
                                      Authentication authentication, HttpRequest<?> request) {
        return optOuts.change(callers.resolve(authentication, request), contactId, body, false);
    }

    @Get("/opt-out-settings")
    @Operation(operationId = "getOptOutSettings", summary = "The tenant's opt-out keywords",
            description = "The keywords in force: the tenant's own, or the platform's defaults.")
    OptOutWire.OptOutSettingsResponse settings(Authentication authentication, HttpRequest<?> request) {
        return optOuts.settings(callers.resolve(authentication, request));
    }

    @Patch("/opt-out-settings")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @Operation(operationId = "updateOptOutSettings", summary = "Change the opt-out keywords (admin)",
            description = "`keywords` replaces the list; null goes back to the platform's defaults.")
    OptOutWire.OptOutSettingsResponse update(@Body @Valid OptOutWire.OptOutSettingsPatch body,
                                             Authentication authentication, HttpRequest<?> request) {
        return optOuts.update(callers.resolve(authentication, request), body, MergePatch.of(request));
    }
}
