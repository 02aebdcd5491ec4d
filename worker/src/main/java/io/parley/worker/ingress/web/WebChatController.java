package io.parley.worker.ingress.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.server.cors.CrossOrigin;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.core.ServerRoles;
import io.parley.http.client.ClientAddress;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import org.reactivestreams.Publisher;

/**
 * The web chat widget's API. The widget runs on the tenant's own site, so any origin may call it — without
 * credentials: the widget key (public, in the embed snippet) names the channel and the session id, which the widget
 * generates and keeps, is the only key to a session's replies. Not a class for OpenAPI: the widget is our own client.
 */
@Controller("/chat")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@CrossOrigin(allowedOriginsRegex = "^https?://.+$", allowCredentials = false, allowPrivateNetwork = false,
        allowedMethods = {HttpMethod.GET, HttpMethod.POST}, allowedHeaders = {"Content-Type", "Last-Event-ID"},
        exposedHeaders = {"Retry-After"}, maxAge = 3600)
@Hidden
class WebChatController {

    private final WebChatService chat;
    private final ClientAddress clientAddress;

    WebChatController(WebChatService chat, ClientAddress clientAddress) {
        this.chat = chat;
        this.clientAddress = clientAddress;
    }

    /**
     * The widget's branding and language (docs/web-chat.md "Widget branding"), fetched once when it starts. Never
     * cached (like every /chat answer, NoStoreFilter), so a saved change shows on the next page view.
     */
    @Get("/{widgetKey}/config")
    WebChatWire.Config config(@PathVariable String widgetKey, HttpRequest<?> request) {
        return chat.config(widgetKey, clientAddress.of(request));
    }

    /** 202 {eventId}: stored and queued; the reply arrives on the session's stream. */
    @Post("/{widgetKey}/messages")
    @Status(HttpStatus.ACCEPTED)
    WebChatWire.Accepted send(@PathVariable String widgetKey, @Body @Valid WebChatWire.MessageRequest body,
                              HttpRequest<?> request) {
        return chat.send(widgetKey, body, clientAddress.of(request));
    }

    /**
     * Server-Sent Events of the replies to a session. EventSource sends Last-Event-ID on reconnect; a widget opening
     * a new EventSource may pass the last id it has as {@code ?after=}. A signed-in user's identity comes as
     * {@code ?userId=&userHash=} or {@code ?token=} (EventSource sends no headers).
     */
    @Get(value = "/{widgetKey}/sessions/{sessionId}/stream", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> stream(@PathVariable String widgetKey, @PathVariable String sessionId,
                                    @Nullable @Header("Last-Event-ID") String lastEventId,
                                    @Nullable @QueryValue String after, @Nullable @QueryValue String userId,
                                    @Nullable @QueryValue String userHash, @Nullable @QueryValue String token,
                                    HttpRequest<?> request) {
        WebChatWire.Identity identity = new WebChatWire.Identity(userId, userHash, token);
        return chat.stream(widgetKey, sessionId, lastEventId != null ? lastEventId : after,
                identity.isEmpty() ? null : identity, clientAddress.of(request));
    }
}
