package io.parley.core.broadcast;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderApi;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.core.channel.ProviderUnreachable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Map;

/**
 * A LINE channel's monthly message quota before a broadcast is sent (docs/broadcasts.md "Estimate"):
 * {@code GET /v2/bot/message/quota} (type {@code none} = unlimited, else {@code value}) and
 * {@code GET /v2/bot/message/quota/consumption} ({@code totalUsage}), per
 * https://developers.line.biz/en/reference/messaging-api/#get-quota. The worker reads the same before each batch
 * (worker {@code LineMulticast}) with its send error mapping; this one answers the API's composer.
 */
@Singleton
public final class LineQuotaReader {

    /** The quota: {@code limit} null when unlimited. */
    public record Quota(@Nullable Long limit, long used) {
        /** What is left this month; null when unlimited. */
        public @Nullable Long remaining() {
            return limit == null ? null : Math.max(0, limit - used);
        }
    }

    /** The quota could not be read: {@code reason} is safe to show. */
    public static final class Unreadable extends Exception {
        public Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ProviderApi api;
    private final ProviderEndpoints endpoints;

    LineQuotaReader(ProviderApi api, ProviderEndpoints endpoints) {
        this.api = api;
        this.endpoints = endpoints;
    }

    public Quota read(Map<String, String> credentials) throws Unreadable {
        String token = credentials.get("channelAccessToken");
        if (token == null || token.isBlank()) {
            throw new Unreadable("the channel has no access token");
        }
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token);
        ProviderApi.Answer quota = get("/v2/bot/message/quota", headers);
        if (!"limited".equals(quota.text("type"))) {
            return new Quota(null, 0);
        }
        ProviderApi.Answer used = get("/v2/bot/message/quota/consumption", headers);
        return new Quota(Math.max(0, quota.number("value")), Math.max(0, used.number("totalUsage")));
    }

    private ProviderApi.Answer get(String path, Map<String, String> headers) throws Unreadable {
        ProviderApi.Answer answer;
        try {
            answer = api.get(ChannelType.LINE, URI.create(endpoints.lineApiUrl() + path), headers);
        } catch (ProviderUnreachable e) {
            throw new Unreadable("LINE could not be reached");
        }
        if (answer.status() == 401) {
            throw new Unreadable("LINE rejected the channel access token (401)");
        }
        if (!answer.ok()) {
            throw new Unreadable("LINE answered " + answer.status());
        }
        return answer;
    }
}
