package io.parley.api.channel;

import io.parley.api.caller.Caller;
import io.parley.core.audit.AuditLog;
import io.parley.core.bot.BotRepository;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRouteRepository;
import io.parley.core.channel.ChannelRow;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's test chat: a hidden web chat channel per bot (V33), through which people who work on the bot talk
 * to it as a test contact, over the same /chat API and pipeline as the real widget. The channel is created on first
 * use (audited like any channel), is not counted against the plan and is listed only when asked for.
 */
@Singleton
final class TestChatService {

    static final String CHANNEL_NAME = "Test chat";
    /** Session ids are 16-100 of [A-Za-z0-9_-] (docs/ingress.md); the prefix tells test sessions apart in logs. */
    private static final String SESSION_PREFIX = "test_";

    private final TenantScope scope;
    private final BotRepository bots;
    private final ChannelRepository channels;
    private final ChannelRouteRepository routes;
    private final AuditLog audit;

    TestChatService(TenantScope scope, BotRepository bots, ChannelRepository channels, ChannelRouteRepository routes,
                    AuditLog audit) {
        this.scope = scope;
        this.bots = bots;
        this.channels = channels;
        this.routes = routes;
        this.audit = audit;
    }

    /** The bot's test channel (made now if it has none) and a new session id for a fresh test contact. */
    ChannelWire.TestChatResponse open(Caller caller, String botId) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        ChannelRow channel = scope.write(tenant, () -> {
            UUID bot = Ids.parse(botId).flatMap(id -> bots.find(tenant.value(), id)).map(row -> row.id())
                    .orElseThrow(() -> ProblemException.notFound("Bot"));
            UUID id = Ids.next();
            String widgetKey = ChannelService.newWidgetKey();
            if (channels.insertTestChannel(tenant.value(), id, bot, CHANNEL_NAME, widgetKey) == 1) {
                routes.insert(id, tenant.value(), "web", widgetKey);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("botId", bot.toString());
                details.put("type", "web");
                details.put("name", CHANNEL_NAME);
                details.put("testOnly", true);
                audit.record(tenant, caller.actor(), "channel.created", "channel", id.toString(), details);
            }
            return channels.findTestChannel(tenant.value(), bot).orElseThrow();
        });
        return new ChannelWire.TestChatResponse(channel.id().toString(), channel.widgetKey(),
                SESSION_PREFIX + ChannelCredentials.randomToken(18));
    }
}
