package io.parley.api.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.security.authentication.Authentication;
import io.parley.api.caller.CallerResolver;
import io.parley.core.analytics.AnalyticsRange;
import io.parley.core.analytics.AnalyticsTable;
import io.parley.core.analytics.QualityFigures;
import io.parley.core.analytics.TenantZoneRepository;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;

/** Checks the caller and the query, runs a figure and answers it as JSON or CSV. */
@Singleton
final class AnalyticsAnswers {

    static final String CSV = "text/csv";
    static final String BAD_FORMAT = "must be csv or json";
    static final String BAD_COHORT = "must be day or week";
    static final String BAD_GROUP_BY = "must be bot, channel or contact";
    static final String BAD_LIMIT = "must be between 1 and 1000";

    private final CallerResolver callers;
    private final TenantScope scope;
    private final TenantZoneRepository zones;

    AnalyticsAnswers(CallerResolver callers, TenantScope scope, TenantZoneRepository zones) {
        this.callers = callers;
        this.scope = scope;
        this.zones = zones;
    }

    HttpResponse<?> answer(Authentication authentication, HttpRequest<?> request, @Nullable String from,
                           @Nullable String to, @Nullable String groupBy, @Nullable String botId,
                           @Nullable String channelId, @Nullable String format,
                           Function<AnalyticsRange, AnalyticsTable> figure) {
        TenantId tenant = callers.resolve(authentication, request).requireTenant(Role.VIEWER);
        boolean csv = csv(request, format);
        ZoneId zone = scope.read(tenant, () -> zones.zone(tenant.value()));
        AnalyticsRange range = AnalyticsRequest.range(tenant, zone, from, to, groupBy, botId, channelId);
        AnalyticsTable table = figure.apply(range);
        if (csv) {
            return HttpResponse.ok(CsvTables.write(table)).contentType(CSV + "; charset=utf-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name(request) + "-"
                            + range.from() + "-" + range.to() + ".csv\"");
        }
        return HttpResponse.ok(AnalyticsResponse.of(range, table)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** CSV when asked by {@code ?format=csv} or by an Accept header that prefers text/csv to JSON. */
    static boolean csv(HttpRequest<?> request, @Nullable String format) {
        if (format != null) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalidField("format", BAD_FORMAT);
            };
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        int csvAt = accept.toLowerCase(Locale.ROOT).indexOf(CSV);
        int jsonAt = accept.toLowerCase(Locale.ROOT).indexOf(MediaType.APPLICATION_JSON);
        return csvAt >= 0 && (jsonAt < 0 || csvAt < jsonAt);
    }

    static boolean weekly(@Nullable String cohort) {
        if (cohort == null || cohort.equalsIgnoreCase("day")) {
            return false;
        }
        if (cohort.equalsIgnoreCase("week")) {
            return true;
        }
        throw ProblemException.invalidField("cohort", BAD_COHORT);
    }

    static QualityFigures.CostGroup costGroup(@Nullable String by) {
        if (by == null) {
            return QualityFigures.CostGroup.CONTACT;
        }
        try {
            return QualityFigures.CostGroup.valueOf(by.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("by", BAD_GROUP_BY);
        }
    }

    static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalidField("limit", BAD_LIMIT);
        }
        return limit;
    }

    /** The figure's name from the path, for the download's file name. */
    private static String name(HttpRequest<?> request) {
        String path = request.getPath();
        return "parley-" + path.substring(path.indexOf("/analytics/") + "/analytics/".length()).replace('/', '-');
    }
}
