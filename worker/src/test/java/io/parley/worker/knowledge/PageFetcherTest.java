package io.parley.worker.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Server-side request forgery: a tenant's URL never makes the worker read a private network. */
class PageFetcherTest {

    private final PageFetcher guarded = new PageFetcher(new KnowledgeConfig(1, 100, 2, 100, Duration.ofSeconds(2), 1000,
            3, false));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1",
            "64:ff9b::a00:1"})
    void privateLoopbackAndReservedAddressesAreNotPublic(String address) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"})
    void internetAddressesArePublic(String address) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void aLoopbackPageIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> guarded.fetch("http://127.0.0.1/admin"))
                .isInstanceOf(SourceText.Unreadable.class).hasMessage("The address 127.0.0.1 is not a public one.");
        assertThatThrownBy(() -> guarded.fetch("http://localhost/"))
                .hasMessage("The address localhost is not a public one.");
    }

    @Test
    void otherSchemesCredentialsAndUnusualPortsAreRefused() {
        assertThatThrownBy(() -> guarded.fetch("file:///etc/passwd"))
                .hasMessage("Only http and https addresses without credentials can be fetched.");
        assertThatThrownBy(() -> guarded.fetch("http://user:pw@example.com/"))
                .hasMessage("Only http and https addresses without credentials can be fetched.");
        assertThatThrownBy(() -> guarded.fetch("http://example.com:5432/"))
                .hasMessage("Only the ports 80, 443, 8080 and 8443 can be fetched.");
    }

    @Test
    void aPageLargerThanTheLimitOrSlowerThanTheTimeLimitFails() throws IOException {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/large", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("<p>large</p>".repeat(200).getBytes());
            exchange.close();
        });
        site.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        site.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        site.start();
        PageFetcher local = new PageFetcher(new KnowledgeConfig(1, 100, 2, 100, Duration.ofSeconds(1), 1000, 3, true));
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        try {
            assertThatThrownBy(() -> local.fetch(base + "/large")).hasMessage("The page is larger than 1000 bytes.");
            assertThatThrownBy(() -> local.fetch(base + "/slow")).hasMessage("The page did not arrive within 1 s.");
        } finally {
            site.stop(0);
        }
    }

    @Test
    void aPageTricklingInByteByByteStopsAtTheTimeLimit() throws IOException {
        HttpServer site = site();
        site.createContext("/trickle", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            try {
                for (int i = 0; i < 12; i++) { // 12 bytes over 3 s: each read is quick, the whole is not
                    exchange.getResponseBody().write('a');
                    exchange.getResponseBody().flush();
                    Thread.sleep(250);
                }
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        PageFetcher local = new PageFetcher(new KnowledgeConfig(1, 100, 2, 100, Duration.ofSeconds(1), 1000, 3, true));
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> local.fetch(base(site) + "/trickle"))
                    .hasMessage("The page did not arrive within 1 s.");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        } finally {
            site.stop(0);
            local.close();
        }
    }

    @Test
    void aNameAnsweringPublicToTheCheckAndPrivateToTheConnectionIsNeverConnectedTo() throws IOException {
        HttpServer site = site();
        AtomicInteger served = new AtomicInteger();
        site.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("internal secrets".getBytes());
            exchange.close();
        });
        AtomicInteger lookups = new AtomicInteger();
        PublicAddresses.Lookup rebinding = host -> new InetAddress[] {lookups.getAndIncrement() == 0
                ? InetAddress.getByName("93.184.216.34") : InetAddress.getByName("127.0.0.1")};
        int port = site.getAddress().getPort();
        PageFetcher fetcher = new PageFetcher(new KnowledgeConfig(1, 100, 2, 100, Duration.ofSeconds(2), 1000, 3,
                false), rebinding, Set.of(port));
        try {
            assertThatThrownBy(() -> fetcher.fetch("http://rebind.example:" + port + "/"))
                    .hasMessage("The address rebind.example is not a public one.");
            assertThat(lookups.get()).as("the connection asked the resolver again").isEqualTo(2);
            assertThat(served.get()).isZero();
        } finally {
            site.stop(0);
            fetcher.close();
        }
    }

    private static HttpServer site() throws IOException {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        site.start();
        return site;
    }

    private static String base(HttpServer site) {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }
}
