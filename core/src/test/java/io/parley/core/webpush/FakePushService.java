package io.parley.core.webpush;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A push service in-process, speaking the Web Push protocol over HTTPS (a self-signed certificate made by keytool;
 * {@link #clientTls()} trusts it): it accepts {@code POST /push/<browser>} only with a valid VAPID header (RFC 8292:
 * ES256 signature verified with {@code k}, {@code aud} = its origin, {@code exp} in the next 24 hours, a
 * {@code sub}), decrypts the aes128gcm body with that browser's private key and auth secret (RFC 8291) and keeps
 * what it read. It answers 201, or what a test queued for a browser (410, 429 with Retry-After …).
 */
final class FakePushService implements AutoCloseable {

    /** One push as the browser would get it. */
    record Received(String browser, String json, String vapidKey, String claims, Map<String, List<String>> headers,
                    Instant at) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private record Answer(int status, String retryAfter, long stallMillis) {
    }

    private static final Pattern VAPID = Pattern.compile("^vapid t=([A-Za-z0-9_.-]+), ?k=([A-Za-z0-9_-]+)$");
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final char[] PASSWORD = "push-test".toCharArray();

    private final Path keystore;
    private final HttpsServer server;
    private final Map<String, BrowserSubscription> browsers = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    FakePushService() throws Exception {
        keystore = Files.createTempDirectory("fake-push").resolve("push.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "push", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)).inheritIO().start();
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool could not make the push service's certificate");
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(), PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/push/", this::handle);
        server.start();
    }

    /** The TLS context a client needs to trust this service's certificate. */
    SSLContext clientTls() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    String origin() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A browser subscribing: its endpoint here and its keys, as PushManager.subscribe returns them. */
    BrowserSubscription subscribe(String browser) {
        BrowserSubscription subscription = BrowserSubscription.create();
        browsers.put(browser, subscription);
        return subscription;
    }

    String endpoint(String browser) {
        return origin() + "/push/" + browser;
    }

    /** The next push to {@code browser} gets this answer (then 201 again). */
    void answerNext(String browser, int status, String retryAfter) {
        answers.computeIfAbsent(browser, b -> new ArrayDeque<>()).add(new Answer(status, retryAfter, 0));
    }

    /** The next push to {@code browser} is answered 201 only after {@code millis}. */
    void stallNext(String browser, long millis) {
        answers.computeIfAbsent(browser, b -> new ArrayDeque<>()).add(new Answer(201, null, millis));
    }

    List<Received> received(String browser) {
        return received.stream().filter(r -> r.browser().equals(browser)).toList();
    }

    /** Waits until {@code browser} got {@code count} pushes (accepted or not), or the timeout. */
    List<Received> await(String browser, int count, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (received(browser).size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        return received(browser);
    }

    /** Requests refused for a protocol error (bad VAPID, undecryptable body): none in a passing test. */
    List<String> refused() {
        return new ArrayList<>(refused);
    }

    private void handle(HttpExchange exchange) {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String browser = exchange.getRequestURI().getPath().substring("/push/".length());
            String problem = null;
            String json = null;
            String key = null;
            BrowserSubscription subscription = browsers.get(browser);
            Matcher vapid = VAPID.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (!"POST".equals(exchange.getRequestMethod()) || subscription == null) {
                problem = "no such subscription";
            } else if (!vapid.matches()) {
                problem = "no VAPID Authorization header";
            } else {
                key = vapid.group(2);
                problem = checkToken(vapid.group(1), key);
                if (problem == null) {
                    try {
                        json = new String(subscription.decrypt(body), StandardCharsets.UTF_8);
                    } catch (Exception e) {
                        problem = "undecryptable body: " + e;
                    }
                }
            }
            if (problem != null) {
                refused.add(browser + ": " + problem);
                exchange.sendResponseHeaders(problem.startsWith("no such") ? 404 : 403, -1);
                return;
            }
            String claims = new String(B64.decode(vapid.group(1).split("\\.")[1]), StandardCharsets.UTF_8);
            received.add(new Received(browser, json, key, claims, Map.copyOf(exchange.getRequestHeaders()),
                    Instant.now()));
            Answer answer = answers.getOrDefault(browser, new ArrayDeque<>()).poll();
            if (answer != null && answer.stallMillis() > 0) {
                try {
                    Thread.sleep(answer.stallMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (answer != null && answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            if (answer == null) {
                exchange.getResponseHeaders().add("Location", "/message/" + received.size());
            }
            exchange.sendResponseHeaders(answer == null ? 201 : answer.status(), -1);
        } catch (IOException e) {
            // the client gave up waiting (a stalled answer): nothing to send
        }
    }

    /** RFC 8292 §2–3: what is wrong with the token, or null. */
    private String checkToken(String jwt, String key) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return "the token is not a JWS";
        }
        try {
            if (!new String(B64.decode(parts[0]), StandardCharsets.UTF_8).contains("\"alg\":\"ES256\"")) {
                return "the token is not ES256";
            }
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(PushEncryption.publicKey(B64.decode(key)));
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(B64.decode(parts[2]))) {
                return "the signature does not verify with k";
            }
            String claims = new String(B64.decode(parts[1]), StandardCharsets.UTF_8);
            Matcher aud = Pattern.compile("\"aud\":\"([^\"]*)\"").matcher(claims);
            Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(claims);
            if (!aud.find() || !aud.group(1).equals(origin())) {
                return "aud is not " + origin() + ": " + claims;
            }
            long now = Instant.now().getEpochSecond();
            if (!exp.find() || Long.parseLong(exp.group(1)) <= now || Long.parseLong(exp.group(1)) > now + 86_400) {
                return "exp is not within the next 24 hours: " + claims;
            }
            if (!claims.contains("\"sub\":\"mailto:") && !claims.contains("\"sub\":\"https:")) {
                return "no sub: " + claims;
            }
            return null;
        } catch (Exception e) {
            return "bad token: " + e;
        }
    }

    private KeyStore load() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
