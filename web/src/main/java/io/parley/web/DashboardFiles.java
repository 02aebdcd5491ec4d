package io.parley.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.MediaType;
import io.parley.core.ServerRoles;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's built files on the classpath, read once and kept in memory (the whole bundle is a few hundred KB).
 * Only files that exist are cached, so requests for random paths cannot grow the cache.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WEB)
final class DashboardFiles {

    static final String ROOT = "classpath:web/app/";
    private static final List<String> RESERVED = List.of("api/", "webhooks/", "chat/", "c/", "health", "metrics", "openapi/",
            "swagger-ui/", "openapi-explorer/");
    /** Safe relative paths only: no "..", no empty or hidden segments, no backslashes. */
    private static final Pattern SAFE = Pattern.compile("^(?!.*(^|/)\\.)[A-Za-z0-9_\\-./]+$");
    private static final String NOT_BUILT = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley</title></head><body>
            <h1>Parley</h1><p>The dashboard was not built into this server. Build it with
            <code>./mvnw -pl web generate-resources</code> (needs Node 20+), or use the API:
            <a href="/swagger-ui/index.html">/swagger-ui/index.html</a>.</p></body></html>""";

    record File(byte[] bytes, MediaType contentType, boolean immutable) {
    }

    private final ResourceResolver resources;
    private final Map<String, File> cache = new ConcurrentHashMap<>();
    private final byte[] indexPage;

    DashboardFiles(ResourceResolver resources) {
        this.resources = resources;
        this.indexPage = read("index.html").orElse(NOT_BUILT.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isReserved(String path) {
        return RESERVED.stream().anyMatch(path::startsWith) || path.equals("health");
    }

    byte[] indexPage() {
        return indexPage;
    }

    Optional<File> file(String path) {
        if (!SAFE.matcher(path).matches() || path.endsWith("/") || path.equals("index.html")) {
            return Optional.empty();
        }
        File cached = cache.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<File> file = read(path).map(bytes -> new File(bytes,
                MediaType.forFilename(path), path.startsWith("assets/"))); // Vite puts a content hash in these names
        file.ifPresent(f -> cache.put(path, f));
        return file;
    }

    private Optional<byte[]> read(String path) {
        Optional<InputStream> stream = resources.getResourceAsStream(ROOT + path);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = stream.get()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
