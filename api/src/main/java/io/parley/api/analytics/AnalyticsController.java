package io.parley.api.analytics;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.core.analytics.ContainmentFigures;
import io.parley.core.analytics.QualityFigures;
import io.parley.core.analytics.TrafficFigures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The tenant's figures (docs/analytics.md), each a table as JSON or, with {@code Accept: text/csv} or
 * {@code ?format=csv}, as CSV. Read from the rollups; any member (viewer and up) may read them.
 */
@Controller("/api/v1/analytics")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Analytics")
@ProblemResponses.Authenticated
@Produces({MediaType.APPLICATION_JSON, AnalyticsAnswers.CSV})
class AnalyticsController {

    private static final String FROM = "First local date (YYYY-MM-DD) in the tenant's time zone, included; "
            + "default 29 days before `to`";
    private static final String TO = "Last local date, included; default today";
    private static final String GROUP = "hour, day (default), week (ISO, from Monday) or month, in the tenant's "
            + "time zone; hour only for ranges up to 31 days";
    private static final String FORMAT = "csv for CSV (same as Accept: text/csv); default JSON";

    private final AnalyticsAnswers answers;
    private final TrafficFigures traffic;
    private final QualityFigures quality;
    private final ContainmentFigures containment;

    AnalyticsController(AnalyticsAnswers answers, TrafficFigures traffic, QualityFigures quality,
                        ContainmentFigures containment) {
        this.answers = answers;
        this.traffic = traffic;
        this.quality = quality;
        this.containment = containment;
    }

    @Get("/messages")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getMessageAnalytics", summary = "Conversations started and messages in and out by sender",
            description = "Per bucket: conversations started, messages from contacts, messages out by sender "
                    + "(bot_flow, bot_llm, bot_fallback, bot_limit, agent, system); totals for the range.")
    HttpResponse<?> messages(@Parameter(description = FROM) @Nullable @QueryValue String from,
                             @Parameter(description = TO) @Nullable @QueryValue String to,
                             @Parameter(description = GROUP) @Nullable @QueryValue String groupBy,
                             @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                             @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                             Authentication authentication, HttpRequest<?> request) {
        return answers.answer(authentication, request, from, to, groupBy, botId, channelId, format, traffic::messages);
    }

    @Get("/contacts")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getContactAnalytics", summary = "Active contacts, new and returning",
            description = "Per bucket: contacts who sent a message, those first seen in the bucket, the others.")
    HttpResponse<?> contacts(@Parameter(description = FROM) @Nullable @QueryValue String from,
                             @Parameter(description = TO) @Nullable @QueryValue String to,
                             @Parameter(description = GROUP) @Nullable @QueryValue String groupBy,
                             @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                             @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                             Authentication authentication, HttpRequest<?> request) {
        return answers.answer(authentication, request, from, to, groupBy, botId, channelId, format, traffic::contacts);
    }

    @Get("/active-contacts")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getActiveContactAnalytics", summary = "DAU, WAU, MAU and stickiness per day",
            description = "Per local day: contacts active that day, in the 7 and 30 days ending that day, DAU/MAU.")
    HttpResponse<?> active(@Parameter(description = FROM) @Nullable @QueryValue String from,
                           @Parameter(description = TO) @Nullable @QueryValue String to,
                           @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                           @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                           Authentication authentication, HttpRequest<?> request) {
        return answers.answer(authentication, request, from, to, null, botId, channelId, format,
                traffic::activeContacts);
    }

    @Get("/retention")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getRetentionAnalytics", summary = "Retention cohorts",
            description = "Contacts by the local day (cohort=day: share active on D1, D7, D30) or week (cohort=week: "
                    + "share active in weeks 1 to 8) they were first seen in the range.")
    HttpResponse<?> retention(@Parameter(description = FROM) @Nullable @QueryValue String from,
                              @Parameter(description = TO) @Nullable @QueryValue String to,
                              @Parameter(description = "day (default) or week") @Nullable @QueryValue String cohort,
                              @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                              @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                              Authentication authentication, HttpRequest<?> request) {
        boolean weekly = AnalyticsAnswers.weekly(cohort);
        return answers.answer(authentication, request, from, to, null, botId, channelId, format,
                range -> traffic.retention(range, weekly));
    }

    @Get("/latency")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getLatencyAnalytics", summary = "Reply and LLM latency percentiles",
            description = "Per bucket: webhook received → reply sent and LLM call time, p50/p95/p99 in ms (within 1 % "
                    + "of the exact value, from mergeable histograms).")
    HttpResponse<?> latency(@Parameter(description = FROM) @Nullable @QueryValue String from,
                            @Parameter(description = TO) @Nullable @QueryValue String to,
                            @Parameter(description = GROUP) @Nullable @QueryValue String groupBy,
                            @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                            @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                            Authentication authentication, HttpRequest<?> request) {
        return answers.answer(authentication, request, from, to, groupBy, botId, channelId, format, quality::latency);
    }

    @Get("/llm")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getLlmAnalytics", summary = "LLM calls, outcomes, tokens and cost",
            description = "Per bucket: calls by outcome, tokens, cost in micro-USD, cost per active contact and per "
                    + "active conversation.")
    HttpResponse<?> llm(@Parameter(description = FROM) @Nullable @QueryValue String from,
                        @Parameter(description = TO) @Nullable @QueryValue String to,
                        @Parameter(description = GROUP) @Nullable @QueryValue String groupBy,
                        @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                        @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                        Authentication authentication, HttpRequest<?> request) {
        return answers.answer(authentication, request, from, to, groupBy, botId, channelId, format, quality::llm);
    }

    @Get("/costs")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getCostAnalytics", summary = "LLM cost by bot, channel or contact",
            description = "Calls and cost over the range grouped by bot, channel or contact (the most expensive "
                    + "contacts), most expensive first.")
    HttpResponse<?> costs(@Parameter(description = FROM) @Nullable @QueryValue String from,
                          @Parameter(description = TO) @Nullable @QueryValue String to,
                          @Parameter(description = "bot, channel or contact (default)") @Nullable @QueryValue String by,
                          @Parameter(description = "rows, 1 to 1000 (default 50)") @Nullable @QueryValue Integer limit,
                          @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                          @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                          Authentication authentication, HttpRequest<?> request) {
        QualityFigures.CostGroup group = AnalyticsAnswers.costGroup(by);
        int rows = AnalyticsAnswers.limit(limit);
        return answers.answer(authentication, request, from, to, null, botId, channelId, format,
                range -> quality.costs(range, group, rows));
    }

    @Get("/containment")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getContainmentAnalytics", summary = "Conversations the bot handled alone vs handed off",
            description = "Per bucket: active conversations, those handed to a person (by a flow or a takeover), the "
                    + "contained share, and the agents' first response after a hand-off (p50/p95, exact).")
    HttpResponse<?> containment(@Parameter(description = FROM) @Nullable @QueryValue String from,
                                @Parameter(description = TO) @Nullable @QueryValue String to,
                                @Parameter(description = GROUP) @Nullable @QueryValue String groupBy,
                                @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                                @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                                Authentication authentication, HttpRequest<?> request) {
        return answers.answer(authentication, request, from, to, groupBy, botId, channelId, format,
                containment::containment);
    }

    @Get("/delivery")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getDeliveryAnalytics", summary = "Outbound messages by channel and status",
            description = "Messages sent in the range by channel: queued, sent, delivered, read, failed (their "
                    + "status now).")
    HttpResponse<?> delivery(@Parameter(description = FROM) @Nullable @QueryValue String from,
                             @Parameter(description = TO) @Nullable @QueryValue String to,
                             @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                             @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                             Authentication authentication, HttpRequest<?> request) {
        return answers.answer(authentication, request, from, to, null, botId, channelId, format, quality::delivery);
    }

    @Get("/delivery/failures")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getDeliveryFailureAnalytics", summary = "Failed messages by channel and provider code",
            description = "Failed outbound messages by channel and the provider's error code, most frequent first.")
    HttpResponse<?> failures(@Parameter(description = FROM) @Nullable @QueryValue String from,
                             @Parameter(description = TO) @Nullable @QueryValue String to,
                             @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                             @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                             Authentication authentication, HttpRequest<?> request) {
        return answers.answer(authentication, request, from, to, null, botId, channelId, format, quality::failures);
    }

    @Get("/buttons")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getButtonAnalytics", summary = "Button presses by postback",
            description = "How often each button (postback data) was pressed, most pressed first.")
    HttpResponse<?> buttons(@Parameter(description = FROM) @Nullable @QueryValue String from,
                            @Parameter(description = TO) @Nullable @QueryValue String to,
                            @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                            @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                            Authentication authentication, HttpRequest<?> request) {
        return answers.answer(authentication, request, from, to, null, botId, channelId, format, quality::buttons);
    }

    @Get("/line-sends")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getLineSendAnalytics", summary = "LINE free replies vs paid pushes",
            description = "LINE messages sent with the event's reply token (free) and as pushes (counted against the "
                    + "LINE plan's monthly quota) per bucket, and the replies' share.")
    HttpResponse<?> lineSends(@Parameter(description = FROM) @Nullable @QueryValue String from,
                              @Parameter(description = TO) @Nullable @QueryValue String to,
                              @Parameter(description = GROUP) @Nullable @QueryValue String groupBy,
                              @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                              @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                              Authentication authentication, HttpRequest<?> request) {
        return answers.answer(authentication, request, from, to, groupBy, botId, channelId, format,
                quality::lineSends);
    }

    @Get("/flows")
    @ProblemResponses.BadRequest
    @ApiResponse(responseCode = "200", description = "The figure as a table (JSON) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsResponse.class)),
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class,
                    description = "Header line of the columns, one line per row, the totals last"))})
    @Operation(operationId = "getFlowAnalytics", summary = "Flows fired, by flow",
            description = "How often each flow fired (matched a message or postback, or ran as a gate), most first.")
    HttpResponse<?> flows(@Parameter(description = FROM) @Nullable @QueryValue String from,
                          @Parameter(description = TO) @Nullable @QueryValue String to,
                          @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
                          @Parameter(description = FORMAT) @Nullable @QueryValue String format,
                          Authentication authentication, HttpRequest<?> request) {
        return answers.answer(authentication, request, from, to, null, botId, channelId, format, quality::flows);
    }
}
