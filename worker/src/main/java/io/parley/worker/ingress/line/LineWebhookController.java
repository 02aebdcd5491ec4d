package io.parley.worker.ingress.line;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelType;
import io.parley.core.message.InboundEvent;
import io.parley.worker.ingress.InboundEventStore;
import io.parley.worker.ingress.IngressChannel;
import io.parley.worker.ingress.IngressChannels;
import io.parley.worker.ingress.WebhookBodies;
import io.parley.worker.ingress.WebhookSignatures;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;

/**
 * LINE webhooks (shared/protocols README §1.2–1.4): verify {@code x-line-signature} on the raw body, store every
 * event with its turn job in one commit, answer 200 — within LINE's 2 s; all work happens in the jobs.
 */
@Controller("/webhooks/line")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class LineWebhookController {

    static final String SIGNATURE = "x-line-signature";

    private final IngressChannels channels;
    private final WebhookBodies bodies;
    private final InboundEventStore store;

    LineWebhookController(IngressChannels channels, WebhookBodies bodies, InboundEventStore store) {
        this.channels = channels;
        this.bodies = bodies;
        this.store = store;
    }

    @Post("/{channelId}")
    HttpResponse<?> receive(@PathVariable String channelId, @Nullable @Header(SIGNATURE) String signature,
                            @Nullable @Body byte[] body) {
        IngressChannel channel = channels.resolve(channelId, ChannelType.LINE);
        byte[] raw = body == null ? new byte[0] : body;
        if (!WebhookSignatures.line(channel.credential("channelSecret"), raw, signature)) {
            throw WebhookSignatures.rejected(SIGNATURE);
        }
        List<InboundEvent> events = LineEvents.map(channel.id(), bodies.parse(raw, LineWire.Callback.class, "LINE webhook"));
        store.store(channel.tenant(), events); // an empty list (LINE's URL verification) stores nothing
        return HttpResponse.ok();
    }
}
