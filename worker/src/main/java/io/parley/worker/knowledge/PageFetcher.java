package io.parley.worker.knowledge;

import jakarta.inject.Singleton;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Fetches a knowledge source's web page for the worker, guarded against server-side request forgery: a tenant must
 * not make Parley read its own network (cloud metadata at 169.254.169.254, the database, an admin port). Only http
 * and https on their usual ports; every address the host resolves to must be public (no loopback, private, link-local,
 * carrier-grade NAT, unique-local, multicast or reserved ranges); redirects are followed by hand, each one checked
 * the same way; the whole download has a time limit and a size limit (KnowledgeConfig).
 *
 * <p>Residual risk, accepted and documented (docs/llm.md): the JDK client resolves the host again when it connects,
 * so a DNS server answering a public address to the check and a private one to the connection (DNS rebinding)
 * within the same second is not stopped. Deployments that need more put the worker behind an egress proxy.
 */
@Singleton
final class PageFetcher {

    private final KnowledgeConfig config;
    private final HttpClient client;

    PageFetcher(KnowledgeConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.fetchTimeout()).build();
    }

    /** The page's title and text; {@link SourceText.Unreadable} with a reason members can act on. */
    SourceText.Page fetch(String address) throws SourceText.Unreadable {
        Instant deadline = Instant.now().plus(config.fetchTimeout());
        URI uri = parse(address);
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            check(uri);
            HttpResponse<InputStream> response = get(uri, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(response);
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new SourceText.Unreadable("The page redirects without a Location."));
                uri = parse(uri.resolve(location).toString());
                continue;
            }
            if (status != 200) {
                close(response);
                throw new SourceText.Unreadable("The page answered HTTP " + status + ".");
            }
            return read(uri, response);
        }
        throw new SourceText.Unreadable("The page redirects more than " + config.maxRedirects() + " times.");
    }

    private static URI parse(String address) throws SourceText.Unreadable {
        try {
            URI uri = URI.create(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw new SourceText.Unreadable("Only http and https addresses without credentials can be fetched.");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SourceText.Unreadable("The address is not a valid URL.");
        }
    }

    private void check(URI uri) throws SourceText.Unreadable {
        int port = uri.getPort();
        if (config.allowPrivateAddresses()) {
            return;
        }
        if (port != -1 && port != 80 && port != 443 && port != 8080 && port != 8443) {
            throw new SourceText.Unreadable("Only the ports 80, 443, 8080 and 8443 can be fetched.");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    throw new SourceText.Unreadable("The address " + uri.getHost() + " is not a public one.");
                }
            }
        } catch (UnknownHostException e) {
            throw new SourceText.Unreadable("The host " + uri.getHost() + " is unknown.");
        }
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

    private HttpResponse<InputStream> get(URI uri, Instant deadline) throws SourceText.Unreadable {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw timedOut();
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(left).GET()
                .header("User-Agent", "Parley knowledge indexer")
                .header("Accept", "text/html, text/plain;q=0.9, text/markdown;q=0.9").build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw timedOut();
        } catch (IOException e) {
            throw new SourceText.Unreadable("The page could not be fetched (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceText.Unreadable("Fetching the page was interrupted.");
        }
    }

    private SourceText.Page read(URI uri, HttpResponse<InputStream> response) throws SourceText.Unreadable {
        String type = response.headers().firstValue("Content-Type").orElse("text/html").toLowerCase(Locale.ROOT);
        String mediaType = type.split(";")[0].strip();
        if (!mediaType.equals("text/html") && !mediaType.equals("application/xhtml+xml")
                && !mediaType.equals("text/plain") && !mediaType.equals("text/markdown")) {
            close(response);
            throw new SourceText.Unreadable("The address is not a web page (" + mediaType + ").");
        }
        byte[] body = limited(response);
        if (mediaType.startsWith("text/plain") || mediaType.equals("text/markdown")) {
            return new SourceText.Page(uri.toString(), new String(body, charset(type)));
        }
        try {
            // jsoup reads the charset from the header's value or the page's <meta>, UTF-8 otherwise
            return SourceText.html(Jsoup.parse(new ByteArrayInputStream(body), charsetName(type), uri.toString()));
        } catch (IOException e) {
            throw new SourceText.Unreadable("The page could not be read.");
        }
    }

    private byte[] limited(HttpResponse<InputStream> response) throws SourceText.Unreadable {
        try (InputStream in = response.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > config.maxPageBytes()) {
                    throw new SourceText.Unreadable("The page is larger than " + config.maxPageBytes() + " bytes.");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (java.net.http.HttpTimeoutException e) {
            throw timedOut();
        } catch (IOException e) {
            throw new SourceText.Unreadable("The page could not be downloaded.");
        }
    }

    private static String charsetName(String contentType) {
        int at = contentType.indexOf("charset=");
        return at < 0 ? null : contentType.substring(at + 8).replace("\"", "").split(";")[0].strip();
    }

    private static java.nio.charset.Charset charset(String contentType) {
        return Optional.ofNullable(charsetName(contentType)).filter(java.nio.charset.Charset::isSupported)
                .map(java.nio.charset.Charset::forName).orElse(java.nio.charset.StandardCharsets.UTF_8);
    }

    private SourceText.Unreadable timedOut() {
        return new SourceText.Unreadable("The page did not arrive within " + config.fetchTimeout().toSeconds()
                + " s.");
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing to do: the connection is dropped
        }
    }
}
