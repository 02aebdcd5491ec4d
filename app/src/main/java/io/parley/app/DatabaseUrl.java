package io.parley.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code DATABASE_URL} in the {@code postgres://user:password@host:port/database?sslmode=require} form that Heroku,
 * Render, Railway and Fly set (also {@code postgresql://}), turned into what PostgreSQL's JDBC driver takes: a
 * {@code jdbc:postgresql://host:port/database?…} URL (the query, e.g. {@code sslmode}, kept as given) and the user and
 * password apart. User and password are percent-decoded (a password with {@code @}, {@code :} or {@code /} must be
 * encoded in a URL; {@code +} stays a plus, as RFC 3986 says for the user-info part). Messages never repeat the URL:
 * it carries the password; {@link #toString()} hides it.
 */
record DatabaseUrl(String jdbcUrl, Optional<String> username, Optional<String> password) {

    static final String VARIABLE = "DATABASE_URL";
    private static final String EXAMPLE = "postgres://user:password@db.example.com:5432/parley";

    static DatabaseUrl parse(String value) {
        String url = value.trim();
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw invalid("must start with postgres:// or postgresql://");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URL (encode special characters of the password, e.g. @ as %40)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("names no host (one host only; a list of hosts goes in DATASOURCES_DEFAULT_URL)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isEmpty() || path.contains("/")) {
            throw invalid("must name one database after the host, as in " + EXAMPLE);
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() != -1) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append('/').append(path);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            username = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon))).filter(u -> !u.isEmpty());
            password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        }
        return new DatabaseUrl(jdbc.toString(), username, password);
    }

    /** Percent-decoding of RFC 3986: unlike form decoding, a {@code +} is a plus, not a space. */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("has a malformed %-escape in its user or password");
        }
    }

    private static LaunchException invalid(String why) {
        return new LaunchException(VARIABLE + " " + why + " (like " + EXAMPLE + "); or set DATASOURCES_DEFAULT_URL "
                + "to a JDBC URL instead");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username.orElse("(none)") + ", password="
                + (password.isPresent() ? "(set)" : "(none)") + "]";
    }
}
