package io.parley.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.core.ServerRoles;
import io.parley.http.problem.ProblemException;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Serves the dashboard (web/frontend, built into {@code web/app} on the classpath): its files by path, and
 * index.html for every other page path so client-side routes survive a reload or a shared link. Paths that belong to
 * the API, webhooks, web chat, health or the API docs never fall back to the page: an unknown one there is a 404
 * problem, as everywhere else.
 */
@Controller
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WEB)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class DashboardController {

    private final DashboardFiles files;

    DashboardController(DashboardFiles files) {
        this.files = files;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> index() {
        return page();
    }

    @Get(uri = "/{+path}", produces = MediaType.ALL)
    HttpResponse<?> file(@PathVariable String path) {
        if (DashboardFiles.isReserved(path)) {
            throw ProblemException.notFound("Route GET /" + path);
        }
        return files.file(path)
                .<HttpResponse<?>>map(file -> HttpResponse.ok(file.bytes())
                        .contentType(file.contentType())
                        .header("Cache-Control", file.immutable() ? "public, max-age=31536000, immutable" : "no-cache"))
                .orElseGet(() -> {
                    if (looksLikeFile(path)) {
                        throw ProblemException.notFound("File /" + path);
                    }
                    return page();
                });
    }

    private HttpResponse<?> page() {
        return HttpResponse.ok(files.indexPage()).contentType(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-cache");
    }

    /** A missing script or image must not get the page (a browser would try to run HTML as JavaScript). */
    private static boolean looksLikeFile(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith("assets/") || last.matches(".+\\.(js|css|svg|png|ico|map|json|woff2?|txt|webmanifest)");
    }
}
