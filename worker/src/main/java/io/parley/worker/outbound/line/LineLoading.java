package io.parley.worker.outbound.line;

import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.worker.outbound.ChatSignals;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * <b>For the turn:</b> shows LINE's loading animation in a 1:1 chat while the LLM works
 * (https://developers.line.biz/en/docs/messaging-api/use-loading-indicator/). It disappears when the bot's next
 * message arrives or after {@code seconds}; calling again while it shows restarts the timer. Only for events from a
 * user in a 1:1 chat ({@code InboundEvent.directChat()}), with the user's id as {@code userId}.
 *
 * <p>Best-effort ({@link ChatSignals}): answers whether LINE took it (202), never throws for a provider problem. Call
 * it outside any database transaction.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class LineLoading {

    private final ChatSignals signals;
    private final ProviderEndpoints endpoints;

    LineLoading(ChatSignals signals, ProviderEndpoints endpoints) {
        this.signals = signals;
        this.endpoints = endpoints;
    }

    /** {@code seconds} is rounded up to LINE's steps: a multiple of 5 from 5 to 60. */
    public boolean start(ChannelRow channel, String userId, int seconds) {
        int loadingSeconds = Math.clamp((seconds + 4) / 5 * 5L, 5, 60);
        return signals.send(channel, ChannelType.LINE, "loading animation", credentials -> {
            String token = credentials.get(LineSender.ACCESS_TOKEN);
            return token == null ? null : new ChatSignals.Signal(URI.create(endpoints.lineApiUrl()
                    + "/v2/bot/chat/loading/start"), new LineWire.Loading(userId, loadingSeconds),
                    LineSender.headers(token, null));
        });
    }
}
