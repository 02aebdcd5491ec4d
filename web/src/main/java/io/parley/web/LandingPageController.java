package io.parley.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The web role's front page. Until the dashboard ships, it tells a newcomer that Parley runs and where the API,
 * its documentation and health are. Read once at start-up; served from memory.
 */
@Controller
@Requires(property = "parley.roles", pattern = ServerRoles.WEB)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class LandingPageController {

    private final String page;

    LandingPageController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream("classpath:web/index.html").orElseThrow(
                () -> new IllegalStateException("web/index.html is missing from the classpath"))) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> index() {
        return HttpResponse.ok(page).header("Cache-Control", "no-cache");
    }
}
