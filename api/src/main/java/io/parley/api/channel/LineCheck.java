package io.parley.api.channel;

import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderApi;
import io.parley.core.channel.ProviderEndpoints;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * LINE: {@code GET /v2/bot/info} with the channel access token answers the bot's userId, displayName and basicId
 * (https://developers.line.biz/en/reference/messaging-api/#get-bot-info). The userId becomes the channel's
 * external id. The channel secret cannot be checked here; webhook signatures prove it.
 */
@Singleton
final class LineCheck implements ProviderCheck {

    private final ProviderClient client;
    private final ProviderEndpoints endpoints;

    LineCheck(ProviderClient client, ProviderEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public ChannelType type() {
        return ChannelType.LINE;
    }

    @Override
    public Outcome check(Subject subject) {
        ProviderApi.Answer info = client.get(ChannelType.LINE, URI.create(endpoints.lineApiUrl() + "/v2/bot/info"),
                subject.credentials().get("channelAccessToken"));
        if (info.status() == 401) {
            return Outcome.unhealthy("LINE rejected the channel access token (401). Issue a new long-lived token in "
                    + "the LINE Developers console (Messaging API tab) and save it here.");
        }
        String userId = info.text("userId");
        if (!info.ok() || userId == null) {
            return Outcome.unhealthy("LINE refused the bot info request (" + info.status() + "): "
                    + ProviderCheck.quoted(info.text("message")));
        }
        String name = info.text("displayName");
        String basicId = info.text("basicId");
        return Outcome.healthy("Connected to the LINE bot " + name + (basicId == null ? "" : " (" + basicId + ")")
                + ". Paste the webhook URL into the LINE Developers console and turn on \"Use webhook\".",
                new ChannelWire.Account(userId, name, basicId), userId);
    }
}
