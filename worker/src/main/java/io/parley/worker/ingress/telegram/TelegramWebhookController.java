package io.parley.worker.ingress.telegram;

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
import io.parley.worker.ingress.InboundEventStore;
import io.parley.worker.ingress.IngressChannel;
import io.parley.worker.ingress.IngressChannels;
import io.parley.worker.ingress.WebhookBodies;
import io.parley.worker.ingress.WebhookSignatures;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Instant;
import java.util.List;

/**
 * Telegram webhooks (README §3.2–3.4): an Update is accepted only with the channel's secret token in
 * {@code X-Telegram-Bot-Api-Secret-Token} (given to setWebhook when the channel was verified).
 */
@Controller("/webhooks/telegram")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class TelegramWebhookController {

    static final String SECRET_TOKEN = "X-Telegram-Bot-Api-Secret-Token";

    private final IngressChannels channels;
    private final WebhookBodies bodies;
    private final InboundEventStore store;

    TelegramWebhookController(IngressChannels channels, WebhookBodies bodies, InboundEventStore store) {
        this.channels = channels;
        this.bodies = bodies;
        this.store = store;
    }

    @Post("/{channelId}")
    HttpResponse<?> receive(@PathVariable String channelId, @Nullable @Header(SECRET_TOKEN) String secretToken,
                            @Nullable @Body byte[] body) {
        IngressChannel channel = channels.resolve(channelId, ChannelType.TELEGRAM);
        if (!WebhookSignatures.telegram(channel.credential("webhookSecret"), secretToken)) {
            throw WebhookSignatures.rejected(SECRET_TOKEN);
        }
        TelegramWire.Update update = bodies.parse(body, TelegramWire.Update.class, "Telegram update");
        store.store(channel.tenant(), List.of(TelegramEvents.map(channel.id(), update, Instant.now())));
        return HttpResponse.ok();
    }
}
