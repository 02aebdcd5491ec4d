package io.parley.api.testing;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Map;

/**
 * Base of API tests: a running server on the shared test database, and a client for it. Rate limits are high by
 * default so suites from one IP are not throttled; throttling tests lower them.
 */
public abstract class ApiTest implements DatabaseTest {

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper json;

    private ApiClient client;

    protected ApiClient api() {
        if (client == null) {
            client = new ApiClient(URI.create(server.getURL().toString() + "/"), json);
        }
        return client;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.auth.bcrypt-cost", "10");
        properties.put("parley.auth.login-attempts-per-ip-per-minute", "100000");
        properties.put("parley.auth.login-attempts-per-email-per-quarter-hour", "100000");
        properties.put("parley.rate-limits.api-per-ip-per-minute", "100000");
        properties.put("parley.rate-limits.api-per-credential-per-minute", "100000");
        properties.putAll(extraProperties());
        return properties;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }
}
