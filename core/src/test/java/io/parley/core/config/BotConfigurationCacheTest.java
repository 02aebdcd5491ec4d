package io.parley.core.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.bot.BotRepository;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.flow.BotFlows;
import io.parley.core.flow.FlowEvent;
import io.parley.core.flow.FlowRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Parley processes on one database: a change committed through the first is seen by the second's cache
 * through LISTEN/NOTIFY, long before the (here: one hour) TTL.
 */
@MicronautTest(transactional = false)
class BotConfigurationCacheTest implements DatabaseTest {

    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    BotRepository bots;
    @Inject
    BotConfigurationCache localCache;
    @Inject
    FlowRepository flows;
    @Inject
    ChannelRepository channels;
    @Inject
    BotFlows botFlows;
    @Inject
    io.parley.core.memory.MemorySchemas memorySchemas;

    private ApplicationContext otherProcess;
    private BotConfigurationCache otherCache;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.config-cache.ttl", "1h");
        return properties;
    }

    @BeforeAll
    void startASecondProcess() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("flyway.datasources.migrations.enabled", "false");
        otherProcess = ApplicationContext.run(properties, "test");
        otherCache = otherProcess.getBean(BotConfigurationCache.class);
    }

    @AfterAll
    void stopIt() {
        otherProcess.close();
    }

    @Test
    void anotherProcessSeesACommittedChangeWithinMoments() {
        BotKey key = newBot("Before");
        waitFor(() -> otherCache.get(key).map(c -> c.bot().name()), "Before");

        rename(key, "After");

        waitFor(() -> otherCache.get(key).map(c -> c.bot().name()), "After");
        waitFor(() -> localCache.get(key).map(c -> c.bot().name()), "After");
    }

    @Test
    void aDeletedBotDisappearsFromTheCache() {
        BotKey key = newBot("Doomed");
        assertThat(otherCache.get(key)).isPresent();

        scope.writeVoid(key.tenant(), () -> bots.delete(key.tenant().value(), key.bot()));

        waitFor(() -> otherCache.get(key).map(c -> c.bot().name()), null);
    }

    @Test
    void aNewFlowReachesTheOtherProcessesMatcher() {
        BotKey key = newBot("Flowing");
        assertThat(otherCache.get(key).orElseThrow().flows().match(new FlowEvent.Text("hello")).found()).isEmpty();

        scope.writeVoid(key.tenant(), () -> flows.insert(key.tenant().value(), Ids.next(), key.bot(), "greet", true, 0,
                "keyword", "{\"keywords\":[\"hello\"],\"match\":\"exact\"}", "[{\"type\":\"text\",\"text\":\"Hi!\"}]", null));

        waitFor(() -> otherCache.get(key).flatMap(c -> c.flows().match(new FlowEvent.Text("Hello")).found())
                .map(flow -> flow.name()), "greet");
    }

    @Test
    void aNewChannelReachesTheOtherProcessesSnapshot() {
        BotKey key = newBot("Connected");
        assertThat(otherCache.get(key).orElseThrow().channels()).isEmpty();
        UUID channel = Ids.next();

        scope.writeVoid(key.tenant(), () -> channels.insert(key.tenant().value(), channel, key.bot(), "web", "site",
                null, null, "{}", "pwk_" + channel));

        waitFor(() -> otherCache.get(key).flatMap(c -> c.channel(channel)).map(row -> row.name()), "site");
    }

    @Test
    void repeatedReadsAreServedFromMemory() {
        // A cache no listener touches: memoization alone, independent of when notifications arrive.
        BotConfigurationCache quiet = new BotConfigurationCache(scope, bots, botFlows, channels, memorySchemas, Duration.ofHours(1), 100);
        BotKey key = newBot("Cached");

        BotConfiguration first = quiet.get(key).orElseThrow();
        scope.writeVoid(key.tenant(), () -> bots.delete(key.tenant().value(), key.bot()));

        assertThat(quiet.get(key).orElseThrow()).as("served from memory, not reloaded").isSameAs(first);
        quiet.invalidate(key);
        assertThat(quiet.get(key)).as("reloaded after invalidation").isEmpty();
    }

    private BotKey newBot(String name) {
        TenantId tenant = new TenantId(Ids.next());
        UUID bot = Ids.next();
        scope.writeVoid(tenant, () -> {
            tenants.insert(tenant.value(), "cache test");
            bots.insert(tenant.value(), bot, name, "active", "", "demo", null, null, null, null, null, null, null, 10,
                    null, null, null, "none", null, null, "{}");
        });
        return new BotKey(tenant, bot);
    }

    private void rename(BotKey key, String name) {
        scope.writeVoid(key.tenant(), () -> {
            var row = bots.find(key.tenant().value(), key.bot()).orElseThrow();
            bots.update(row.tenantId(), row.id(), name, row.status(), row.persona(), row.llmProvider(), row.llmBaseUrl(),
                    row.llmModel(), row.llmApiKeySealed(), row.llmApiKeyHint(), row.llmTemperature(), row.llmMaxTokens(),
                    row.llmTimeoutMs(), row.historyWindow(), row.welcomeMessage(), row.fallbackMessage(),
                    row.limitMessage(), row.outputConversion(), row.limitPerHour(), row.limitPerDay(), row.tierLimits());
        });
    }

    /** Polls for at most 5 s; the listener normally delivers within milliseconds. */
    private static void waitFor(Supplier<Optional<String>> actual, String expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        Optional<String> last = actual.get();
        while (!last.equals(Optional.ofNullable(expected)) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            last = actual.get();
        }
        assertThat(last).isEqualTo(Optional.ofNullable(expected));
    }
}
