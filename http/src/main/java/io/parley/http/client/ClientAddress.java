package io.parley.http.client;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/**
 * The client's IP address, for per-IP rate limits and audit entries.
 *
 * <p>Written here rather than using Micronaut's HttpClientAddressResolver because that one trusts the first
 * X-Forwarded-For entry, which any client can forge to escape per-IP limits. Parley trusts exactly
 * {@code parley.http.trusted-proxy-hops} proxies (e.g. 1 behind an ingress): the client is the entry that many
 * places from the right of X-Forwarded-For, the address the outermost trusted proxy saw. With 0 (the default),
 * the socket's remote address is used and the header is ignored.
 */
@Singleton
public final class ClientAddress {

    private final int trustedHops;

    ClientAddress(@Value("${parley.http.trusted-proxy-hops:0}") int trustedHops) {
        this.trustedHops = Math.max(0, trustedHops);
    }

    public String of(HttpRequest<?> request) {
        if (trustedHops > 0) {
            String forwarded = request.getHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                int index = Math.max(0, hops.length - trustedHops);
                return hops[index].trim();
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress() == null ? remote.getHostString()
                : remote.getAddress().getHostAddress();
    }
}
