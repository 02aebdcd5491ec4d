package io.parley.worker.testing;

import io.parley.core.account.TenantRepository;
import io.parley.core.bot.BotRepository;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRouteRepository;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.SealedCredentials;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;

import java.util.Map;
import java.util.UUID;

/**
 * Tenants, bots and channels written with core's repositories, credentials sealed as the channels API seals them.
 * The secrets are those of shared/protocols/signatures.md, so the documented header values verify.
 */
public final class Channels {

    public static final String LINE_SECRET = "0123456789abcdef0123456789abcdef";
    public static final String META_APP_SECRET = "abcdef0123456789abcdef0123456789";
    public static final String META_VERIFY_TOKEN = "fake-verify-token-tenant-42";
    public static final String TELEGRAM_SECRET = "fake_tg_secret-tenant_42-0001";

    private final TenantScope scope;
    private final TenantRepository tenants;
    private final BotRepository bots;
    private final ChannelRepository channels;
    private final ChannelRouteRepository routes;
    private final SealedCredentials sealed;

    Channels(TenantScope scope, TenantRepository tenants, BotRepository bots, ChannelRepository channels,
             ChannelRouteRepository routes, SealedCredentials sealed) {
        this.scope = scope;
        this.tenants = tenants;
        this.bots = bots;
        this.channels = channels;
        this.routes = routes;
        this.sealed = sealed;
    }

    /** A channel with its tenant and bot, all new. */
    public Created line() {
        return create(ChannelType.LINE, Map.of("channelSecret", LINE_SECRET, "channelAccessToken", "fake-token"), null);
    }

    public Created whatsapp() {
        return create(ChannelType.WHATSAPP, Map.of("phoneNumberId", "200000000000002", "accessToken", "fake-token",
                "appSecret", META_APP_SECRET, "verifyToken", META_VERIFY_TOKEN), null);
    }

    public Created telegram() {
        return create(ChannelType.TELEGRAM, Map.of("botToken", "7000000001:AAfakefakefake",
                "webhookSecret", TELEGRAM_SECRET), null);
    }

    public Created web() {
        return create(ChannelType.WEB, Map.of(), "pwk_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** A web chat channel with an identity secret and the given settings document (channels.web_settings). */
    public Created web(String identitySecret, String webSettings) {
        Created web = create(ChannelType.WEB, Map.of("identitySecret", identitySecret),
                "pwk_" + UUID.randomUUID().toString().replace("-", ""));
        scope.writeVoid(web.tenant(), () -> channels.updateWebSettings(web.tenant().value(), web.id(), webSettings));
        return web;
    }

    public Created create(ChannelType type, Map<String, String> credentials, String widgetKey) {
        TenantId tenant = new TenantId(Ids.next());
        UUID bot = Ids.next();
        UUID channel = Ids.next();
        scope.writeVoid(tenant, () -> {
            tenants.insert(tenant.value(), "Tenant " + tenant.value().toString().substring(0, 8));
            bots.insert(tenant.value(), bot, "Test bot", "active", "", "openai-compatible", null, null, null, null,
                    null, null, null, 10, null, null, null, "none", null, null, "{}");
            channels.insert(tenant.value(), channel, bot, type.wireName(), type.label(), null,
                    sealed.seal(tenant.value(), channel, credentials), "{}", widgetKey);
            routes.insert(channel, tenant.value(), type.wireName(), widgetKey);
        });
        return new Created(tenant, bot, channel, widgetKey);
    }

    /**
     * Another WhatsApp number of the same tenant and bot, served by the same Meta app (same app secret): its phone
     * number id is the channel's external id, as the API stores it.
     */
    public UUID addWhatsApp(Created owner, String phoneNumberId) {
        UUID channel = Ids.next();
        scope.writeVoid(owner.tenant(), () -> {
            channels.insert(owner.tenant().value(), channel, owner.bot(), ChannelType.WHATSAPP.wireName(), "Second number",
                    phoneNumberId, sealed.seal(owner.tenant().value(), channel, Map.of("phoneNumberId", phoneNumberId,
                            "accessToken", "fake-token", "appSecret", META_APP_SECRET, "verifyToken",
                            META_VERIFY_TOKEN)), "{}", null);
            routes.insert(channel, owner.tenant().value(), ChannelType.WHATSAPP.wireName(), null);
        });
        return channel;
    }

    /** {@code widgetKey} only for web channels. */
    public record Created(TenantId tenant, UUID bot, UUID id, String widgetKey) {
    }
}
