package io.parley.worker.outbound.line;

import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderApi;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.worker.outbound.OutboundMessage;
import io.parley.worker.outbound.ProviderHttp;
import io.parley.worker.outbound.SendFailure;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * LINE calls of broadcasts (https://developers.line.biz/en/reference/messaging-api/#send-multicast-message):
 * multicast of 1–5 messages to up to {@value #MAX_TO} user ids, push for a recipient with content of its own, both
 * with {@code X-Line-Retry-Key} (409 "already accepted" counts as sent), and the monthly quota (limit and
 * consumption).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class LineMulticast {

    public static final int MAX_TO = 500;

    @Serdeable
    record Multicast(List<String> to, List<LineWire.Message> messages) {
    }

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;

    LineMulticast(ProviderHttp http, ProviderEndpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    public void multicast(Map<String, String> credentials, List<String> to, List<OutboundMessage> messages,
                          UUID retryKey) throws SendFailure {
        ProviderApi.Answer answer = http.post(ChannelType.LINE, uri("/v2/bot/message/multicast"),
                new Multicast(to, messages.stream().map(LineWire::render).toList()),
                LineSender.headers(token(credentials), retryKey));
        if (answer.status() != 409) {
            LineErrors.check(answer);
        }
    }

    public void push(Map<String, String> credentials, String to, List<OutboundMessage> messages, UUID retryKey)
            throws SendFailure {
        ProviderApi.Answer answer = http.post(ChannelType.LINE, uri("/v2/bot/message/push"),
                new LineWire.Push(to, messages.stream().map(LineWire::render).toList()),
                LineSender.headers(token(credentials), retryKey));
        if (answer.status() != 409) {
            LineErrors.check(answer);
        }
    }

    /** Messages left this month (limit − consumption), or empty when the channel has no limit. */
    public OptionalLong remainingQuota(Map<String, String> credentials) throws SendFailure {
        Map<String, String> headers = LineSender.headers(token(credentials), null);
        ProviderApi.Answer quota = LineErrors.check(http.get(ChannelType.LINE, uri("/v2/bot/message/quota"), headers));
        if (!"limited".equals(quota.text("type"))) {
            return OptionalLong.empty();
        }
        ProviderApi.Answer used = LineErrors.check(http.get(ChannelType.LINE,
                uri("/v2/bot/message/quota/consumption"), headers));
        return OptionalLong.of(Math.max(0, quota.number("value") - Math.max(0, used.number("totalUsage"))));
    }

    private static String token(Map<String, String> credentials) throws SendFailure.CredentialsRejected {
        String token = credentials.get(LineSender.ACCESS_TOKEN);
        if (token == null || token.isBlank()) {
            throw new SendFailure.CredentialsRejected("The channel has no channelAccessToken; save its credentials"
                    + " again.");
        }
        return token;
    }

    private URI uri(String path) {
        return URI.create(endpoints.lineApiUrl() + path);
    }
}
