package io.parley.worker.ingress;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.core.channel.ChannelRouteRepository;
import io.parley.core.channel.ChannelRouteRow;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.SealedCredentials;
import io.parley.core.channel.WebChannelSettings;
import io.parley.core.channel.WebSettingsCodec;
import io.parley.core.config.BotConfiguration;
import io.parley.core.config.BotConfigurationCache;
import io.parley.core.config.BotKey;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves the channel of a webhook path ({@code /webhooks/<type>/<channelId>}) or a web widget key to its tenant,
 * row and opened credentials; anything unknown, malformed or of another type is 404 — before any signature check,
 * since the secret to check against belongs to the channel.
 *
 * <p>Hot path (every webhook): a channel's owner (tenant, bot) never changes, so it is cached for good; the row
 * itself comes from {@link BotConfigurationCache}, which drops a bot's snapshot when its channels change (NOTIFY), so
 * new credentials and deleted channels are seen at once. Opening the sealed credentials (AES-GCM + JSON) is cached
 * per sealed value, so a credentials change opens the new value.
 */
@Singleton
public final class IngressChannels {

    private final ChannelRouteRepository routes;
    private final IngressRepository channels;
    private final TenantScope scope;
    private final BotConfigurationCache configurations;
    private final SealedCredentials sealed;
    private final WebSettingsCodec webSettings;
    private static final int MAX_WIDGET_KEY = 200;

    private final Cache<UUID, BotKey> owners = Caffeine.newBuilder().maximumSize(100_000).build();
    private final Cache<UUID, Opened> opened = Caffeine.newBuilder().maximumSize(100_000).build();
    private static final Duration NUMBER_TTL = Duration.ofSeconds(30);
    private final Cache<String, Optional<UUID>> numbers = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(NUMBER_TTL).build();

    private record Opened(String sealed, Map<String, String> credentials) {
        @Override
        public String toString() {
            return "Opened[]";
        }
    }

    IngressChannels(ChannelRouteRepository routes, IngressRepository channels, TenantScope scope,
                    BotConfigurationCache configurations, SealedCredentials sealed, WebSettingsCodec webSettings) {
        this.routes = routes;
        this.channels = channels;
        this.scope = scope;
        this.configurations = configurations;
        this.sealed = sealed;
        this.webSettings = webSettings;
    }

    /** The channel named by a webhook path, which must be of {@code type}; 404 otherwise. */
    public IngressChannel resolve(String pathChannelId, ChannelType type) {
        UUID channelId = Ids.parse(pathChannelId).orElseThrow(() -> ProblemException.notFound(type.label() + " channel"));
        BotKey owner = owners.get(channelId, id -> routes.find(id)
                .filter(route -> route.type().equals(type.wireName())).flatMap(this::ownerOf).orElse(null));
        return Optional.ofNullable(owner).flatMap(known -> load(known, channelId, type))
                .orElseThrow(() -> ProblemException.notFound(type.label() + " channel"));
    }

    /**
     * The tenant's WhatsApp channel for a business phone number id, if it has one: one Meta app (one webhook address)
     * can serve several numbers, and each number is its own channel. Cached briefly: a busy multi-number app asks on
     * every webhook, and a channel added or deleted is seen within {@link #NUMBER_TTL}.
     */
    public Optional<UUID> whatsAppChannel(TenantId tenant, String phoneNumberId) {
        return numbers.get(tenant.value() + "/" + phoneNumberId, key -> scope.read(tenant, () ->
                channels.whatsAppChannel(tenant.value(), phoneNumberId))).or(Optional::empty);
    }

    /** The web chat channel of a widget key; 404 when there is none. */
    public IngressChannel resolveWidget(String widgetKey) {
        return resolveWebWidget(widgetKey).channel();
    }

    /** The web chat channel of a widget key with its settings; 404 when there is none. */
    public WebWidget resolveWebWidget(String widgetKey) {
        ChannelRouteRow route = (widgetKey.length() > MAX_WIDGET_KEY ? Optional.<ChannelRouteRow>empty()
                : routes.findByWidgetKey(widgetKey)).filter(found -> found.type().equals(ChannelType.WEB.wireName()))
                .orElseThrow(() -> ProblemException.notFound("Web chat widget"));
        BotKey owner = owners.get(route.channelId(), id -> ownerOf(route).orElse(null));
        BotConfiguration configuration = Optional.ofNullable(owner).flatMap(configurations::get)
                .orElseThrow(() -> ProblemException.notFound("Web chat widget"));
        return configuration.channel(route.channelId()).filter(row -> row.type().equals(ChannelType.WEB.wireName()))
                .map(row -> new WebWidget(opened(owner, row), webSettings.of(row), configuration.bot().name()))
                .orElseThrow(() -> ProblemException.notFound("Web chat widget"));
    }

    /** A web chat channel, its settings ({@link WebChannelSettings}) and its bot's name. */
    public record WebWidget(IngressChannel channel, WebChannelSettings settings, String botName) {
    }

    private Optional<BotKey> ownerOf(ChannelRouteRow route) {
        TenantId tenant = new TenantId(route.tenantId());
        return scope.read(tenant, () -> channels.botOf(tenant.value(), route.channelId()))
                .map(bot -> new BotKey(tenant, bot));
    }

    private Optional<IngressChannel> load(BotKey owner, UUID channelId, ChannelType type) {
        return row(owner, channelId, type).map(row -> opened(owner, row));
    }

    private Optional<ChannelRow> row(BotKey owner, UUID channelId, ChannelType type) {
        return configurations.get(owner).flatMap((BotConfiguration configuration) -> configuration.channel(channelId))
                .filter(row -> row.type().equals(type.wireName()));
    }

    private IngressChannel opened(BotKey owner, ChannelRow row) {
        return new IngressChannel(owner.tenant(), row.id(), row.botId(), credentials(row));
    }

    private Map<String, String> credentials(ChannelRow row) {
        if (row.credentialsSealed() == null) {
            return Map.of();
        }
        Opened cached = opened.getIfPresent(row.id());
        if (cached != null && cached.sealed().equals(row.credentialsSealed())) {
            return cached.credentials();
        }
        Opened fresh = new Opened(row.credentialsSealed(), sealed.open(row));
        opened.put(row.id(), fresh);
        return fresh.credentials();
    }
}
