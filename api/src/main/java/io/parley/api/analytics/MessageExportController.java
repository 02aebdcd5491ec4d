package io.parley.api.analytics;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.parley.core.analytics.AnalyticsRange;
import io.parley.core.analytics.MessageExportQuery;
import io.parley.core.analytics.TenantZoneRepository;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;

import java.util.Locale;

/** The messages of a date range as CSV or JSON lines, streamed (admins: it is every contact's words). */
@Controller("/api/v1/analytics/export")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Analytics")
@ProblemResponses.Authenticated
class MessageExportController {

    static final String JSON_LINES = "application/jsonl";
    static final String BAD_FORMAT = "must be csv or jsonl";

    private final CallerResolver callers;
    private final TenantScope scope;
    private final TenantZoneRepository zones;
    private final MessageExportQuery query;
    private final JsonMapper json;

    MessageExportController(CallerResolver callers, TenantScope scope, TenantZoneRepository zones,
                            MessageExportQuery query, JsonMapper json) {
        this.callers = callers;
        this.scope = scope;
        this.zones = zones;
        this.query = query;
        this.json = json;
    }

    @Get("/messages")
    @Produces({AnalyticsAnswers.CSV, JSON_LINES})
    @ProblemResponses.BadRequest
    @ProblemResponses.Forbidden
    @ApiResponse(responseCode = "200", description = "The messages, streamed", content = {
            @Content(mediaType = AnalyticsAnswers.CSV, schema = @Schema(implementation = String.class)),
            @Content(mediaType = JSON_LINES, schema = @Schema(implementation = String.class,
                    description = "One JSON object per line"))})
    @Operation(operationId = "exportMessages", summary = "Export the messages of a date range (admin)",
            description = "Every message created in the range (local dates in the tenant's time zone), oldest first, "
                    + "with its conversation, bot, channel and contact; CSV (default, or Accept: text/csv) or JSON "
                    + "lines (format=jsonl or Accept: application/jsonl), streamed.")
    HttpResponse<Flux<byte[]>> messages(
            @Parameter(description = "First local date (YYYY-MM-DD), included") @Nullable @QueryValue String from,
            @Parameter(description = "Last local date, included") @Nullable @QueryValue String to,
            @Nullable @QueryValue String botId, @Nullable @QueryValue String channelId,
            @Parameter(description = "csv or jsonl") @Nullable @QueryValue String format,
            Authentication authentication, HttpRequest<?> request) {
        TenantId tenant = callers.resolve(authentication, request).requireTenant(Role.ADMIN);
        boolean csv = csv(request, format);
        var zone = scope.read(tenant, () -> zones.zone(tenant.value()));
        AnalyticsRange range = AnalyticsRequest.range(tenant, zone, from, to, null, botId, channelId);
        String type = csv ? AnalyticsAnswers.CSV + "; charset=utf-8" : JSON_LINES;
        return HttpResponse.ok(MessageExportStream.of(query, range, csv, json)).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parley-messages-" + range.from()
                        + "-" + range.to() + (csv ? ".csv" : ".jsonl") + "\"");
    }

    private static boolean csv(HttpRequest<?> request, @Nullable String format) {
        if (format != null) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "jsonl" -> false;
                default -> throw ProblemException.invalidField("format", BAD_FORMAT);
            };
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return accept == null || !accept.toLowerCase(Locale.ROOT).contains(JSON_LINES);
    }
}
