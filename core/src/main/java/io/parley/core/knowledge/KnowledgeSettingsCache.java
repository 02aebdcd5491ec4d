package io.parley.core.knowledge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.UUID;

/**
 * The worker's read path to a bot's knowledge settings, so a turn of a bot without a knowledge base (most of them)
 * opens no transaction for it: the LLM step of a turn otherwise needs no connection of its own. Kept fresh like the
 * bot configuration cache: {@code bot_knowledge_settings} changes NOTIFY {@code parley_config} (V186) and the
 * config listener drops the entry; {@code parley.config-cache.ttl} is the backstop.
 */
@Singleton
public class KnowledgeSettingsCache {

    private record Key(TenantId tenant, UUID bot) {
    }

    private final Cache<Key, KnowledgeSearch.Settings> cache;
    private final TenantScope scope;
    private final KnowledgeSearch search;

    KnowledgeSettingsCache(TenantScope scope, KnowledgeSearch search,
                           @Value("${parley.config-cache.ttl:5m}") Duration ttl,
                           @Value("${parley.config-cache.max-bots:10000}") long maxBots) {
        this.scope = scope;
        this.search = search;
        this.cache = Caffeine.newBuilder().maximumSize(maxBots).expireAfterWrite(ttl).build();
    }

    public KnowledgeSearch.Settings get(TenantId tenant, UUID bot) {
        return cache.get(new Key(tenant, bot), key -> scope.read(tenant, () -> search.settings(tenant.value(), bot)));
    }

    public void invalidate(TenantId tenant, UUID bot) {
        cache.invalidate(new Key(tenant, bot));
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }
}
