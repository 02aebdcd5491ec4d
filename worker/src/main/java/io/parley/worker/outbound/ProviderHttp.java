package io.parley.worker.outbound;

import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderApi;
import io.parley.core.channel.ProviderUnreachable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Map;

/**
 * The senders' side of {@link ProviderApi}: the same calls, with "no usable answer" as the send failure the queue
 * understands ({@link SendFailure.Unavailable}, retried with backoff; whether the provider may have the request is
 * kept for the handover logic in docs/outbound.md).
 */
@Singleton
public final class ProviderHttp {

    private final ProviderApi api;

    ProviderHttp(ProviderApi api) {
        this.api = api;
    }

    public ProviderApi.Answer post(ChannelType provider, URI uri, Object body, Map<String, String> headers)
            throws SendFailure.Unavailable {
        try {
            return api.post(provider, uri, body, headers);
        } catch (ProviderUnreachable e) {
            throw new SendFailure.Unavailable(e.getMessage(), e.answerLost());
        }
    }

    /** Sends a request {@link ProviderApi#prepare prepared} earlier (a paced broadcast send). */
    public ProviderApi.Answer send(ProviderApi.Prepared request) throws SendFailure.Unavailable {
        try {
            return api.send(request);
        } catch (ProviderUnreachable e) {
            throw new SendFailure.Unavailable(e.getMessage(), e.answerLost());
        }
    }

    public ProviderApi.Prepared prepare(ChannelType provider, URI uri, Object body, Map<String, String> headers) {
        return api.prepare(provider, uri, body, headers);
    }

    public ProviderApi.Answer get(ChannelType provider, URI uri, Map<String, String> headers)
            throws SendFailure.Unavailable {
        try {
            return api.get(provider, uri, headers);
        } catch (ProviderUnreachable e) {
            throw new SendFailure.Unavailable(e.getMessage(), e.answerLost());
        }
    }
}
