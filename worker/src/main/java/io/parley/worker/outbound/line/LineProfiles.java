package io.parley.worker.outbound.line;

import io.parley.core.channel.ProviderApi;
import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.core.channel.SealedCredentials;
import io.parley.worker.outbound.ProviderHttp;
import io.parley.worker.outbound.SendFailure;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * <b>For the turn:</b> a LINE user's display name (GET /v2/bot/profile/{userId}), since LINE webhooks carry none.
 * LINE answers 404 when the user is not a friend, blocked the account or gave no consent: then there is no name.
 * Best-effort: empty on any problem, never throws. Call outside any database transaction.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class LineProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(LineProfiles.class);

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;
    private final SealedCredentials credentials;

    LineProfiles(ProviderHttp http, ProviderEndpoints endpoints, SealedCredentials credentials) {
        this.http = http;
        this.endpoints = endpoints;
        this.credentials = credentials;
    }

    public Optional<String> displayName(ChannelRow channel, String userId) {
        if (channel.channelType() != ChannelType.LINE) {
            return Optional.empty();
        }
        try {
            String token = credentials.open(channel).get(LineSender.ACCESS_TOKEN);
            if (token == null) {
                return Optional.empty();
            }
            URI uri = URI.create(endpoints.lineApiUrl() + "/v2/bot/profile/"
                    + URLEncoder.encode(userId, StandardCharsets.UTF_8));
            ProviderApi.Answer answer = http.get(ChannelType.LINE, uri, LineSender.headers(token, null));
            String name = answer.ok() ? answer.text("displayName") : null;
            return Optional.ofNullable(name).filter(n -> !n.isBlank());
        } catch (SendFailure.Unavailable | RuntimeException e) {
            LOG.debug("LINE profile not available: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

}
