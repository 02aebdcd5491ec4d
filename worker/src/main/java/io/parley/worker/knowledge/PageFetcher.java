package io.parley.worker.knowledge;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches a knowledge source's web page for the worker, guarded against server-side request forgery: a tenant must
 * not make Parley read its own network (cloud metadata at 169.254.169.254, the database, an admin port). Only http
 * and https on their usual ports; every address the host resolves to must be public (no loopback, private, link-local,
 * carrier-grade NAT, unique-local, multicast or reserved ranges), checked by the HTTP client's own DNS resolver
 * ({@link PublicAddresses}) so the addresses checked are the ones connected to; redirects are followed by hand, each
 * one checked the same way; the whole download, body included, has a time limit and a size limit (KnowledgeConfig).
 *
 * <p>Apache HttpClient rather than the JDK client: only it takes a resolver per client (the JDK client resolves the
 * host again when it connects, which DNS rebinding exploits) and a read timeout per socket.
 */
@Singleton
final class PageFetcher implements AutoCloseable {

    private static final Set<Integer> USUAL_PORTS = Set.of(80, 443, 8080, 8443);

    private final KnowledgeConfig config;
    private final PublicAddresses addresses;
    private final Set<Integer> ports;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    @Inject
    PageFetcher(KnowledgeConfig config) {
        this(config, InetAddress::getAllByName, USUAL_PORTS);
    }

    /** With another resolver and other allowed ports: for tests of what the public constructor guards. */
    PageFetcher(KnowledgeConfig config, PublicAddresses.Lookup lookup, Set<Integer> ports) {
        this.config = config;
        this.addresses = new PublicAddresses(lookup, config.allowPrivateAddresses());
        this.ports = ports;
        Timeout limit = Timeout.of(config.fetchTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(addresses)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                .setSocketTimeout(limit).build())
                        .setMaxConnTotal(16).setMaxConnPerRoute(2).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableAuthCaching().setUserAgent("Parley knowledge indexer").build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("knowledge-fetch-deadline").factory());
    }

    /** The page's title and text; {@link SourceText.Unreadable} with a reason members can act on. */
    SourceText.Page fetch(String address) throws SourceText.Unreadable {
        Instant deadline = Instant.now().plus(config.fetchTimeout());
        URI uri = parse(address);
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            check(uri);
            HttpGet request = request(uri, deadline);
            // the socket timeout bounds each read; this bounds the whole download (a page trickling in byte by byte)
            AtomicBoolean aborted = new AtomicBoolean();
            ScheduledFuture<?> abort = deadlines.schedule(() -> aborted.set(request.cancel()),
                    left(deadline).toNanos(), TimeUnit.NANOSECONDS);
            try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
                int status = response.getCode();
                if (status >= 300 && status < 400 && status != 304) {
                    Header location = response.getFirstHeader("Location");
                    if (location == null) {
                        throw new SourceText.Unreadable("The page redirects without a Location.");
                    }
                    uri = parse(uri.resolve(location.getValue()).toString());
                    continue;
                }
                if (status != 200) {
                    throw new SourceText.Unreadable("The page answered HTTP " + status + ".");
                }
                return read(uri, response, deadline);
            } catch (IOException e) {
                throw aborted.get() ? timedOut() : unreadable(e, uri, deadline);
            } finally {
                abort.cancel(false);
            }
        }
        throw new SourceText.Unreadable("The page redirects more than " + config.maxRedirects() + " times.");
    }

    @PreDestroy
    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
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

    /** Refuses before any connection: an unusual port, or a host resolving to a private address now. */
    private void check(URI uri) throws SourceText.Unreadable {
        if (config.allowPrivateAddresses()) {
            return;
        }
        int port = uri.getPort();
        if (port != -1 && !ports.contains(port)) {
            throw new SourceText.Unreadable("Only the ports 80, 443, 8080 and 8443 can be fetched.");
        }
        try {
            addresses.resolve(uri.getHost());
        } catch (PublicAddresses.NotPublic e) {
            throw new SourceText.Unreadable(e.getMessage());
        } catch (UnknownHostException e) {
            throw new SourceText.Unreadable("The host " + uri.getHost() + " is unknown.");
        }
    }

    private HttpGet request(URI uri, Instant deadline) throws SourceText.Unreadable {
        Duration left = left(deadline);
        if (left.isNegative() || left.isZero()) {
            throw timedOut();
        }
        HttpGet request = new HttpGet(uri);
        request.setHeader("Accept", "text/html, text/plain;q=0.9, text/markdown;q=0.9");
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(left)).build());
        return request;
    }

    private SourceText.Unreadable unreadable(IOException e, URI uri, Instant deadline) {
        if (e instanceof PublicAddresses.NotPublic) {
            return new SourceText.Unreadable(e.getMessage());
        }
        if (e instanceof UnknownHostException) {
            return new SourceText.Unreadable("The host " + uri.getHost() + " is unknown.");
        }
        if (e instanceof SocketTimeoutException || !left(deadline).isPositive()) {
            return timedOut();
        }
        return new SourceText.Unreadable("The page could not be fetched (" + e.getClass().getSimpleName() + ").");
    }

    private static Duration left(Instant deadline) {
        return Duration.between(Instant.now(), deadline);
    }

    private SourceText.Page read(URI uri, ClassicHttpResponse response, Instant deadline)
            throws SourceText.Unreadable, IOException {
        Header header = response.getFirstHeader("Content-Type");
        String type = (header == null ? "text/html" : header.getValue()).toLowerCase(Locale.ROOT);
        String mediaType = type.split(";")[0].strip();
        if (!mediaType.equals("text/html") && !mediaType.equals("application/xhtml+xml")
                && !mediaType.equals("text/plain") && !mediaType.equals("text/markdown")) {
            throw new SourceText.Unreadable("The address is not a web page (" + mediaType + ").");
        }
        byte[] body = limited(response.getEntity(), deadline);
        if (mediaType.startsWith("text/plain") || mediaType.equals("text/markdown")) {
            return new SourceText.Page(uri.toString(), new String(body, charset(type)));
        }
        // jsoup reads the charset from the header's value or the page's <meta>, UTF-8 otherwise
        return SourceText.html(Jsoup.parse(new ByteArrayInputStream(body), charsetName(type), uri.toString()));
    }

    /** The body, counted after decompression (a small gzip must not unpack into gigabytes). */
    private byte[] limited(HttpEntity entity, Instant deadline) throws SourceText.Unreadable, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (entity == null) {
            return out.toByteArray();
        }
        try (InputStream in = entity.getContent()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > config.maxPageBytes()) {
                    throw new SourceText.Unreadable("The page is larger than " + config.maxPageBytes() + " bytes.");
                }
                if (!left(deadline).isPositive()) {
                    throw timedOut();
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
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
}
