package io.parley.worker.outbound;

import io.parley.core.channel.ProviderApi;
import io.micronaut.core.annotation.Nullable;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.SealedCredentials;
import io.parley.core.secrets.SecretUnreadableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * The cosmetic calls the turn makes while it works (LINE loading animation, WhatsApp read receipt and typing,
 * Telegram typing): best-effort, so a provider problem is logged and answered with {@code false}, never thrown —
 * the reply matters, the signal does not.
 */
@Singleton
public final class ChatSignals {

    private static final Logger LOG = LoggerFactory.getLogger(ChatSignals.class);

    /** A signal's request; null from the builder when the channel lacks a credential it needs. */
    public record Signal(URI uri, Object body, Map<String, String> headers) {
    }

    private final ProviderHttp http;
    private final SealedCredentials credentials;

    ChatSignals(ProviderHttp http, SealedCredentials credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    /** Sends the signal {@code build} makes from the channel's credentials; true when the provider took it. */
    public boolean send(ChannelRow channel, ChannelType expected, String what,
                        Function<Map<String, String>, @Nullable Signal> build) {
        if (channel.channelType() != expected) {
            throw new IllegalArgumentException(what + " is a " + expected.label() + " feature, not " + channel.type());
        }
        try {
            Signal signal = build.apply(credentials.open(channel));
            if (signal == null) {
                return false;
            }
            ProviderApi.Answer answer = http.post(expected, signal.uri(), signal.body(), signal.headers());
            if (!answer.ok()) {
                LOG.info("{} refused the {} on channel {} ({})", expected.label(), what, channel.id(), answer.status());
            }
            return answer.ok();
        } catch (SendFailure.Unavailable | SecretUnreadableException e) {
            LOG.info("No {} on channel {}: {}", what, channel.id(), e.getMessage());
            return false;
        }
    }
}
