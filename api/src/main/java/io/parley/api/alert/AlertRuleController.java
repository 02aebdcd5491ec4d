package io.parley.api.alert;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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

/** Alert rules a tenant sets: daily LLM cost, LLM failure rate, hand-off waiting, credentials rejected. */
@Controller("/api/v1/alert-rules")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Alert rules")
@ProblemResponses.Authenticated
class AlertRuleController {

    private final AlertRuleService rules;
    private final CallerResolver callers;

    AlertRuleController(AlertRuleService rules, CallerResolver callers) {
        this.rules = rules;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "AlertRulePage")
    @Operation(operationId = "listAlertRules", summary = "List alert rules, newest first",
            description = "Every alert rule of the tenant; every member can read them.")
    PageResponse<AlertRuleWire.AlertRuleResponse> list(@Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                                                       @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                                                       Authentication authentication, HttpRequest<?> request) {
        return rules.list(callers.resolve(authentication, request), cursor, limit);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @Operation(operationId = "createAlertRule", summary = "Create an alert rule (admin)",
            description = "A kind and its thresholds. An alert fires once per condition and period, as a "
                    + "notification (bell, tenant event, email when SMTP is configured).")
    AlertRuleWire.AlertRuleResponse create(@Body @Valid AlertRuleWire.AlertRuleCreate body,
                                           Authentication authentication, HttpRequest<?> request) {
        return rules.create(callers.resolve(authentication, request), body);
    }

    @Get("/{ruleId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getAlertRule", summary = "Get an alert rule", description = "The rule and its thresholds.")
    AlertRuleWire.AlertRuleResponse get(@PathVariable String ruleId, Authentication authentication,
                                        HttpRequest<?> request) {
        return rules.get(callers.resolve(authentication, request), ruleId);
    }

    @Patch("/{ruleId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "updateAlertRule", summary = "Change an alert rule (admin)",
            description = "JSON Merge Patch: enabled and the kind's thresholds.")
    AlertRuleWire.AlertRuleResponse update(@PathVariable String ruleId, @Body @Valid AlertRuleWire.AlertRulePatch body,
                                           Authentication authentication, HttpRequest<?> request) {
        return rules.update(callers.resolve(authentication, request), ruleId, body, MergePatch.of(request));
    }

    @Delete("/{ruleId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "deleteAlertRule", summary = "Delete an alert rule (admin)",
            description = "Alerts it raised stay in the notifications.")
    void delete(@PathVariable String ruleId, Authentication authentication, HttpRequest<?> request) {
        rules.delete(callers.resolve(authentication, request), ruleId);
    }
}
