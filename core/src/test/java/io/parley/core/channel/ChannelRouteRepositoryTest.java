package io.parley.core.channel;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.bot.BotRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks resolve their tenant through channel_routes before any tenant scope exists. */
@MicronautTest(transactional = false)
class ChannelRouteRepositoryTest implements io.parley.core.testing.DatabaseTest {

    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    BotRepository bots;
    @Inject
    ChannelRepository channels;
    @Inject
    ChannelRouteRepository routes;

    @Test
    void routeResolvesByChannelIdAndWidgetKeyWithoutATenantScope() {
        TenantId tenant = new TenantId(Ids.next());
        UUID bot = Ids.next();
        UUID telegram = Ids.next();
        UUID web = Ids.next();
        String widgetKey = "pwk_" + UUID.randomUUID();
        scope.writeVoid(tenant, () -> {
            tenants.insert(tenant.value(), "Route Co");
            insertBot(tenant, bot);
            connect(tenant, bot, telegram, ChannelType.TELEGRAM, null);
            connect(tenant, bot, web, ChannelType.WEB, widgetKey);
        });

        assertThat(routes.find(telegram)).get().satisfies(route -> {
            assertThat(route.tenantId()).isEqualTo(tenant.value());
            assertThat(route.type()).isEqualTo("telegram");
            assertThat(route.widgetKey()).isNull();
        });
        assertThat(routes.findByWidgetKey(widgetKey)).get().satisfies(route -> {
            assertThat(route.channelId()).isEqualTo(web);
            assertThat(route.tenantId()).isEqualTo(tenant.value());
        });
        assertThat(routes.find(Ids.next())).isEmpty();
        assertThat(routes.findByWidgetKey("pwk_unknown")).isEmpty();
    }

    @Test
    void routeGoesWithItsChannelAndItsBot() {
        TenantId tenant = new TenantId(Ids.next());
        UUID bot = Ids.next();
        UUID kept = Ids.next();
        UUID deleted = Ids.next();
        scope.writeVoid(tenant, () -> {
            tenants.insert(tenant.value(), "Cascade Co");
            insertBot(tenant, bot);
            connect(tenant, bot, kept, ChannelType.LINE, null);
            connect(tenant, bot, deleted, ChannelType.LINE, null);
        });

        scope.writeVoid(tenant, () -> channels.delete(tenant.value(), deleted));
        assertThat(routes.find(deleted)).isEmpty();
        assertThat(routes.find(kept)).isPresent();

        scope.writeVoid(tenant, () -> bots.delete(tenant.value(), bot));
        assertThat(routes.find(kept)).isEmpty();
    }

    private void insertBot(TenantId tenant, UUID bot) {
        bots.insert(tenant.value(), bot, "Route bot", "active", "", "openai-compatible", null, null, null, null, null,
                null, null, 10, null, null, null, "none", null, null, "{}");
    }

    private void connect(TenantId tenant, UUID bot, UUID channel, ChannelType type, String widgetKey) {
        channels.insert(tenant.value(), channel, bot, type.wireName(), null, null, null, "{}", widgetKey);
        routes.insert(channel, tenant.value(), type.wireName(), widgetKey);
    }
}
