package io.parley.worker.knowledge;

import org.apache.hc.client5.http.DnsResolver;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The knowledge fetcher's DNS resolver: the addresses it returns are the only ones the HTTP client connects to, and
 * every one must be public unless private addresses are allowed. Checking and connecting with the same answer is what
 * stops DNS rebinding (a name answering a public address to a check and a private one to the connection).
 */
final class PublicAddresses implements DnsResolver {

    /** How a host name becomes addresses (the system resolver; a fixed answer in tests). */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    /** A host that resolves to at least one address a server must not reach on a tenant's behalf. */
    static final class NotPublic extends UnknownHostException {
        NotPublic(String host) {
            super("The address " + host + " is not a public one.");
        }
    }

    private final Lookup lookup;
    private final boolean allowPrivate;

    PublicAddresses(Lookup lookup, boolean allowPrivate) {
        this.lookup = lookup;
        this.allowPrivate = allowPrivate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.all(host);
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new NotPublic(host);
                }
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // only used for Kerberos/SPNEGO, which the fetcher never does
    }

    /** False for every address a server must not reach on a tenant's behalf. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && first < 224 // this network, multicast and reserved 240/4, broadcast
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)); // benchmarking 198.18/15
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean nat64 = first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            return (first & 0xfe) != 0xfc && !nat64; // unique-local fc00::/7; NAT64 may reach IPv4 private ranges
        }
        return false;
    }
}
