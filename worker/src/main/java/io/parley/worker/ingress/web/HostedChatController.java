package io.parley.worker.ingress.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.core.ServerRoles;
import io.parley.worker.ingress.IngressChannels;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The hosted full-page chat of a web chat channel, {@code /c/{widgetKey}} (docs/web-chat.md "Hosted page"): an
 * installable web app (manifest, icon, service worker with an offline page) in the channel's branding. Served by the
 * worker, which knows the widget keys; an unknown key is 404. A signed-in user's identity comes in the page's query
 * ({@code ?token=} or {@code ?userId=&userHash=}) and is read by the widget script, never by this server.
 */
@Controller("/c/{widgetKey}")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class HostedChatController {

    private static final MediaType MANIFEST = MediaType.of("application/manifest+json");
    private static final MediaType JAVASCRIPT = MediaType.of("text/javascript");
    private static final MediaType SVG = MediaType.of("image/svg+xml");

    private final IngressChannels channels;
    private final JsonMapper json;

    HostedChatController(IngressChannels channels, JsonMapper json) {
        this.channels = channels;
        this.json = json;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(@PathVariable String widgetKey, @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        HostedChatPages.Branding brand = brand(widgetKey);
        return fresh(HostedChatPages.page(brand, brand.languageFor(language)), MediaType.TEXT_HTML_TYPE);
    }

    @Get(value = "/offline", produces = MediaType.TEXT_HTML)
    HttpResponse<String> offline(@PathVariable String widgetKey,
                                 @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        HostedChatPages.Branding brand = brand(widgetKey);
        return fresh(HostedChatPages.offline(brand, brand.languageFor(language)), MediaType.TEXT_HTML_TYPE);
    }

    @Get(value = "/manifest.webmanifest", produces = "application/manifest+json")
    HttpResponse<String> manifest(@PathVariable String widgetKey,
                                  @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        HostedChatPages.Branding brand = brand(widgetKey);
        return fresh(write(HostedChatPages.manifest(brand, brand.languageFor(language))), MANIFEST);
    }

    @Get(value = "/icon.svg", produces = "image/svg+xml")
    HttpResponse<String> icon(@PathVariable String widgetKey) {
        return fresh(HostedChatPages.icon(brand(widgetKey)), SVG);
    }

    /** Its scope is the page's own path ({@code /c/KEY}, above the script's folder), hence Service-Worker-Allowed. */
    @Get(value = "/sw.js", produces = "text/javascript")
    HttpResponse<String> serviceWorker(@PathVariable String widgetKey) {
        HostedChatPages.Branding brand = brand(widgetKey);
        return fresh(HostedChatPages.serviceWorker(write(brand.base() + "/offline")), JAVASCRIPT)
                .header("Service-Worker-Allowed", brand.base());
    }

    private HostedChatPages.Branding brand(String widgetKey) {
        return HostedChatPages.Branding.of(widgetKey, channels.resolveWebWidget(widgetKey));
    }

    /** Revalidated on every load, so a changed title, colour or offline text shows at once. */
    private static MutableHttpResponse<String> fresh(String body, MediaType type) {
        return HttpResponse.ok(body).contentType(type).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
