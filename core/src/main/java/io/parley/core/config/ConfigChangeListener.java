package io.parley.core.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.parley.core.ServerRoles;
import io.parley.core.database.NotificationListener;
import io.parley.core.knowledge.KnowledgeSettingsCache;
import jakarta.annotation.PreDestroy;

/**
 * LISTENs on {@code parley_config} over a dedicated connection (see {@link NotificationListener}) and invalidates
 * {@link BotConfigurationCache} entries (and the bot's {@link KnowledgeSettingsCache} entry) as changes commit anywhere. Each time LISTEN is (re)established it clears
 * the whole cache: notifications sent while the connection was down are lost.
 */
@Context
@Requires(property = "parley.config-cache.listen", notEquals = "false")
@Requires(property = "datasources.default.url")
@Requires(property = ServerRoles.PROPERTY, notEquals = "migrate")
final class ConfigChangeListener {

    static final String CHANNEL = "parley_config";

    private final NotificationListener listener;

    ConfigChangeListener(BotConfigurationCache cache, KnowledgeSettingsCache knowledge,
                         @Value("${datasources.default.url}") String url,
                         @Value("${datasources.default.username:}") String username,
                         @Value("${datasources.default.password:}") String password) {
        this.listener = new NotificationListener(url, username, password, CHANNEL, () -> {
            cache.invalidateAll();
            knowledge.invalidateAll();
        }, payload -> BotKey.parse(payload).ifPresent(key -> {
            cache.invalidate(key);
            knowledge.invalidate(key.tenant(), key.bot());
        }));
    }

    @PreDestroy
    void stop() {
        listener.close();
    }
}
