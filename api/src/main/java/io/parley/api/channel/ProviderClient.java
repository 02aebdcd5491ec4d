package io.parley.api.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderApi;
import io.parley.core.channel.ProviderUnreachable;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The channel checks' side of {@link ProviderApi}: no usable answer, and also a 429, say nothing about the
 * credentials, so they become a 502 "provider unreachable" problem to retry later rather than an unhealthy channel.
 */
@Singleton
final class ProviderClient {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderClient.class);

    private final ProviderApi api;

    ProviderClient(ProviderApi api) {
        this.api = api;
    }

    ProviderApi.Answer get(ChannelType provider, URI uri, @Nullable String bearerToken) {
        Map<String, String> headers = bearerToken == null ? Map.of() : Map.of("Authorization", "Bearer " + bearerToken);
        try {
            return checked(provider, api.get(provider, uri, headers));
        } catch (ProviderUnreachable e) {
            throw unreachable(provider, e);
        }
    }

    ProviderApi.Answer postJson(ChannelType provider, URI uri, Object body) {
        try {
            return checked(provider, api.post(provider, uri, body, Map.of()));
        } catch (ProviderUnreachable e) {
            throw unreachable(provider, e);
        }
    }

    private static ProviderApi.Answer checked(ChannelType provider, ProviderApi.Answer answer) {
        if (answer.status() == 429) {
            LOG.warn("{} API answered 429 to a channel check", provider.label());
            throw problem(provider.label() + " answered 429 (rate limited)");
        }
        return answer;
    }

    private static ProblemException unreachable(ChannelType provider, ProviderUnreachable e) {
        LOG.warn("{} during a channel check", e.getMessage());
        return problem(e.getMessage());
    }

    private static ProblemException problem(String what) {
        return new ProblemException(ProblemKind.PROVIDER_UNREACHABLE, HttpStatus.BAD_GATEWAY,
                what + "; the credentials were not checked. Try again in a minute.", List.of(), Map.of());
    }
}
