package io.parley.worker.testing;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.parley.core.account.TenantRepository;
import io.parley.core.bot.BotRepository;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRouteRepository;
import io.parley.core.channel.SealedCredentials;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of worker tests: a running server (worker role) on the shared test database, a client for it, channels made
 * straight in the database (the worker does not depend on the api module), and superuser reads of raw rows.
 * Rate limits are high so suites from one IP are not throttled; throttling tests lower them.
 */
public abstract class WorkerTest implements DatabaseTest {

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper json;
    @Inject
    protected TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    BotRepository bots;
    @Inject
    ChannelRepository channelRows;
    @Inject
    ChannelRouteRepository routes;
    @Inject
    SealedCredentials sealed;

    private WorkerClient client;
    private Channels channels;

    protected WorkerClient http() {
        if (client == null) {
            client = new WorkerClient(URI.create(server.getURL().toString() + "/"), json);
        }
        return client;
    }

    protected Channels channels() {
        if (channels == null) {
            channels = new Channels(scope, tenants, bots, channelRows, routes, sealed);
        }
        return channels;
    }

    protected Rows rows() {
        return new Rows();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.roles", "worker");
        // Ingress tests inspect the jobs they enqueue; the end-to-end tests (app module) run the queue.
        properties.put("parley.queue.enabled", "false");
        properties.put("parley.rate-limits.chat-per-ip-per-minute", "100000");
        properties.put("parley.rate-limits.chat-per-session-per-minute", "100000");
        properties.putAll(extraProperties());
        return properties;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }
}
