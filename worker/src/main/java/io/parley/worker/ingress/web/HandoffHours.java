package io.parley.worker.ingress.web;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.channel.BusinessHours;
import io.parley.core.channel.WebChannelSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * From when a person answers a web chat whose conversation a person holds: outside the channel's business hours, the
 * next opening (the widget then says "We're away now; a person will answer from Mon 09:00" in its language); inside
 * them, or without hours, nothing (the bot's or the widget's own "a person will answer").
 */
@Singleton
final class HandoffHours {

    private final Clock clock;

    @Inject
    HandoffHours() {
        this(Clock.systemUTC());
    }

    HandoffHours(Clock clock) {
        this.clock = clock;
    }

    @Nullable
    WebChatWire.Opening nextOpening(WebChannelSettings settings) {
        BusinessHours hours = settings.businessHours();
        if (hours == null) {
            return null;
        }
        return hours.nextOpening(clock.instant()).map(o -> new WebChatWire.Opening(o.day(), o.time())).orElse(null);
    }
}
