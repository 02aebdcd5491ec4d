package io.parley.core.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.parley.core.bot.BotRepository;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.flow.BotFlows;
import io.parley.core.memory.MemorySchemas;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The worker's read path to bot configuration: a Caffeine cache of {@link BotConfiguration} snapshots.
 *
 * <p>Invalidation, also across instances: database triggers on bots/channels/flows/bot_memory_fields send
 * {@code NOTIFY parley_config, '<tenant>:<bot>'} when the change commits, and every process's
 * {@link ConfigChangeListener} drops that entry — so an edit is seen by all workers within milliseconds, without
 * polling. LISTEN/NOTIFY was chosen over a short TTL alone because a TTL short enough to feel instant would reload
 * every bot on every turn at scale. Notifications can be missed while the listener reconnects; it then clears the
 * whole cache, and entries also expire after {@code parley.config-cache.ttl} (default 5 minutes) as a backstop.
 */
@Singleton
public final class BotConfigurationCache {

    private final Cache<BotKey, Optional<BotConfiguration>> cache;
    private final TenantScope scope;
    private final BotRepository bots;
    private final BotFlows flows;
    private final ChannelRepository channels;
    private final MemorySchemas memory;

    BotConfigurationCache(TenantScope scope, BotRepository bots, BotFlows flows, ChannelRepository channels,
                          MemorySchemas memory,
                          @Value("${parley.config-cache.ttl:5m}") Duration ttl,
                          @Value("${parley.config-cache.max-bots:10000}") long maxBots) {
        this.scope = scope;
        this.bots = bots;
        this.flows = flows;
        this.channels = channels;
        this.memory = memory;
        this.cache = Caffeine.newBuilder().maximumSize(maxBots).expireAfterWrite(ttl).build();
    }

    /** The bot's current configuration, loaded on a miss; empty when the bot does not exist (also cached). */
    public Optional<BotConfiguration> get(BotKey key) {
        return cache.get(key, this::load);
    }

    private Optional<BotConfiguration> load(BotKey key) {
        return scope.read(key.tenant(), () -> bots.find(key.tenant().value(), key.bot())
                .map(bot -> new BotConfiguration(bot, channels.listForBot(key.tenant().value(), key.bot()),
                        flows.matcher(key.tenant(), key.bot()), memory.find(key.tenant().value(), key.bot()),
                        Instant.now())));
    }

    void invalidate(BotKey key) {
        cache.invalidate(key);
    }

    void invalidateAll() {
        cache.invalidateAll();
    }
}
