package io.parley.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Serves the dashboard (web/frontend, built into {@code web/app} on the classpath): its files by path, and
 * index.html for every other page path so client-side routes survive a reload or a shared link.
 *
 * <p>Files and pages are served from the "no route matched" (404) handler rather than a catch-all route, so that they
 * can never compete with a real route: a catch-all {@code /{+path}} GET route won over the API's JSON routes for
 * clients sending {@code Accept: *}{@code /*} when all roles share one server, and turned POSTs to unknown paths
 * into 405s. Paths of the API, webhooks, web chat, health and API docs never fall back to the page: an unknown one
 * there stays a 404 problem, as does any non-GET.
 */
@Controller
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WEB)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class DashboardController {

    /** The web chat widget's script, named in every channel's embed snippet. */
    private static final String WIDGET = "widget.js";

    private final DashboardFiles files;
    private final ErrorResponseProcessor<?> problems;

    DashboardController(DashboardFiles files, ErrorResponseProcessor<?> problems) {
        this.files = files;
        this.problems = problems;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> index() {
        return page();
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> unmatched(HttpRequest<?> request) {
        String path = request.getPath().substring(1);
        boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!read || DashboardFiles.isReserved(path)) {
            return notFound(request, "Route " + request.getMethod() + " " + request.getPath() + " not found");
        }
        return files.file(path)
                .<HttpResponse<?>>map(file -> {
                    MutableHttpResponse<byte[]> response = HttpResponse.ok(file.bytes()).contentType(file.contentType())
                            .header("Cache-Control", file.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
                    // The web chat widget runs on customers' sites, some of which require CORP of what they embed.
                    return path.equals(WIDGET) ? response.header("Cross-Origin-Resource-Policy", "cross-origin") : response;
                })
                .orElseGet(() -> looksLikeFile(path)
                        ? notFound(request, "File " + request.getPath() + " not found") : page());
    }

    private HttpResponse<?> page() {
        return HttpResponse.ok(files.indexPage()).contentType(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-cache");
    }

    private HttpResponse<?> notFound(HttpRequest<?> request, String detail) {
        return problems.processResponse(ErrorContext.builder(request).errorMessage(detail).build(), HttpResponse.notFound());
    }

    /** A missing script or image must not get the page (a browser would try to run HTML as JavaScript). */
    private static boolean looksLikeFile(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith("assets/") || last.matches(".+\\.(js|css|svg|png|ico|map|json|woff2?|txt|webmanifest)");
    }
}
