package io.parley.worker.ingress.whatsapp;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelType;
import io.parley.http.problem.ProblemException;
import io.parley.worker.ingress.InboundEventStore;
import io.parley.worker.ingress.IngressChannel;
import io.parley.worker.ingress.IngressChannels;
import io.parley.worker.ingress.WebhookBodies;
import io.parley.worker.ingress.WebhookSignatures;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.UUID;

/**
 * WhatsApp Cloud API webhooks (README §2.2–2.4): the GET verification handshake, and event notifications whose
 * {@code X-Hub-Signature-256} is checked on the raw body before anything is read or stored.
 */
@Controller("/webhooks/whatsapp")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class WhatsAppWebhookController {

    static final String SIGNATURE = "X-Hub-Signature-256";
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    private static final int MAX_CHALLENGE = 200;

    private final IngressChannels channels;
    private final WebhookBodies bodies;
    private final InboundEventStore store;
    private final TemplateStatusUpdates templateStatuses;

    WhatsAppWebhookController(IngressChannels channels, WebhookBodies bodies, InboundEventStore store,
                              TemplateStatusUpdates templateStatuses) {
        this.channels = channels;
        this.bodies = bodies;
        this.store = store;
        this.templateStatuses = templateStatuses;
    }

    /** Meta's subscription check: echo hub.challenge when the verify token is the channel's (signatures.md §2d). */
    @Get(value = "/{channelId}", produces = MediaType.TEXT_PLAIN)
    HttpResponse<String> verify(@PathVariable String channelId, @Nullable @QueryValue("hub.mode") String mode,
                                @Nullable @QueryValue("hub.verify_token") String verifyToken,
                                @Nullable @QueryValue("hub.challenge") String challenge) {
        IngressChannel channel = channels.resolve(channelId, ChannelType.WHATSAPP);
        boolean matches = WebhookSignatures.sameSecret(channel.credential("verifyToken"), verifyToken);
        if (!"subscribe".equals(mode) || !matches || challenge == null || challenge.length() > MAX_CHALLENGE) {
            throw ProblemException.forbidden("hub.mode must be subscribe and hub.verify_token must be this channel's "
                    + "verify token (shown with the channel), with a hub.challenge to echo.");
        }
        return HttpResponse.ok(challenge).contentType(MediaType.TEXT_PLAIN_TYPE);
    }

    @Post("/{channelId}")
    HttpResponse<?> receive(@PathVariable String channelId, @Nullable @Header(SIGNATURE) String signature,
                            @Nullable @Body byte[] body) {
        IngressChannel channel = channels.resolve(channelId, ChannelType.WHATSAPP);
        byte[] raw = body == null ? new byte[0] : body;
        if (!WebhookSignatures.meta(channel.credential("appSecret"), raw, signature)) {
            throw WebhookSignatures.rejected(SIGNATURE);
        }
        WhatsAppWire.Notification notification = bodies.parse(raw, WhatsAppWire.Notification.class,
                "WhatsApp webhook");
        WhatsAppEvents.Mapped mapped = WhatsAppEvents.map(number -> channelOf(channel, number), notification,
                Instant.now());
        for (String error : mapped.errors()) {
            LOG.warn("WhatsApp reported an error for channel {}: {}", channel.id(), error);
        }
        store.store(channel.tenant(), mapped.events());
        templateStatuses.enqueue(channel, notification);
        return HttpResponse.ok();
    }

    /**
     * One Meta app has one webhook address for all its numbers, so this channel's address can receive the changes of
     * the tenant's other numbers: each goes to the tenant's channel of its {@code phone_number_id}. A number no channel
     * of the tenant claims stays with this channel, as do changes without one (another tenant's channels are never
     * looked at: the signature only proves the webhook came from this channel's app).
     */
    private UUID channelOf(IngressChannel channel, String phoneNumberId) {
        if (phoneNumberId == null || phoneNumberId.equals(channel.credential("phoneNumberId"))) {
            return channel.id();
        }
        return channels.whatsAppChannel(channel.tenant(), phoneNumberId).orElse(channel.id());
    }
}
