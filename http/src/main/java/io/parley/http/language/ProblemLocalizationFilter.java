package io.parley.http.language;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.parley.http.problem.Problem;

import java.util.EnumMap;
import java.util.Map;

/**
 * Writes every problem+json body in the language the client asked for with {@code Accept-Language} (English or
 * Traditional Chinese; see {@link ProblemLanguage}) and says which in {@code Content-Language}. It runs where the
 * problem leaves the server, whoever built it (exception handlers, the error processor, security rejections), so
 * the code that raises problems keeps writing English. {@code type}, {@code status}, {@code instance} and the
 * field names in {@code errors} never change: clients branch on them.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ProblemLocalizationFilter implements Ordered {

    private final Map<ProblemLanguage, ProblemCatalog> catalogs = new EnumMap<>(ProblemLanguage.class);

    ProblemLocalizationFilter() {
        for (ProblemLanguage language : ProblemLanguage.values()) {
            if (language != ProblemLanguage.ENGLISH) {
                catalogs.put(language, ProblemCatalog.forLanguage(language));
            }
        }
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void localize(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.getBody().orElse(null) instanceof Problem problem)) {
            return;
        }
        ProblemLanguage language = ProblemLanguage.negotiate(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
        response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        ProblemCatalog catalog = catalogs.get(language);
        if (catalog != null) {
            ((MutableHttpResponse<Object>) response).body(catalog.localize(problem));
        }
    }

    /** Outermost, so problems produced by other filters (a security rejection, a rate limit) are localized too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
