package io.parley.http.negotiation;

import java.util.Locale;
import java.util.Set;

/**
 * Widens an Accept header the way RFC 9110 §12.5.1 reads it, for Micronaut's router, which matches a route's
 * produced type only by equality or {@code *}{@code /*}: {@code application/*} and the problem type
 * {@code application/problem+json} (what openapi-generator's okhttp-gson, Python and native Java clients send)
 * both admit Parley's {@code application/json} answers, so {@code application/json} is appended (last, so the
 * client's own order is kept). Ranges with {@code q=0} are refusals and widen nothing.
 */
final class AcceptRanges {

    static final String JSON = "application/json";
    private static final Set<String> ADMITTING_JSON = Set.of("application/*", "application/problem+json");

    private AcceptRanges() {
    }

    /** The header to route with: {@code accept} itself, or {@code accept} with application/json appended. */
    static String widen(String accept) {
        if (accept == null || accept.isBlank()) {
            return accept;
        }
        boolean admitsJson = false;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (refused(parts)) {
                continue;
            }
            if (type.equals(JSON) || type.equals("*/*")) {
                return accept; // already matches every JSON route
            }
            admitsJson |= ADMITTING_JSON.contains(type);
        }
        return admitsJson ? accept + ", " + JSON : accept;
    }

    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                try {
                    return Double.parseDouble(parameter[1].trim()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
