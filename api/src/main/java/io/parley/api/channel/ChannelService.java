package io.parley.api.channel;

import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.bot.BotRepository;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRouteRepository;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.plan.PlanGuard;
import io.parley.core.plan.PlanLimit;
import io.parley.core.secrets.SecretUnreadableException;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemMessages;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Channels of a tenant's bots: admins connect and change them, every member reads. Credentials are validated per
 * type, sealed as one document and never returned. Each channel has a {@code channel_routes} row, written in the
 * same transaction, through which webhooks find their tenant.
 */
@Singleton
final class ChannelService {

    /** "pwk_" + 24 random bytes: public (it sits in the tenant's web page) but unguessable. */
    static final String WIDGET_KEY_PREFIX = "pwk_";

    private final TenantScope scope;
    private final BotRepository bots;
    private final ChannelRepository channels;
    private final ChannelRouteRepository routes;
    private final PlanGuard plans;
    private final CredentialVault vault;
    private final ChannelViews views;
    private final AuditLog audit;
    private final WebSettings web;

    ChannelService(TenantScope scope, BotRepository bots, ChannelRepository channels, ChannelRouteRepository routes,
                   PlanGuard plans, CredentialVault vault, ChannelViews views, AuditLog audit, WebSettings web) {
        this.web = web;
        this.scope = scope;
        this.bots = bots;
        this.channels = channels;
        this.routes = routes;
        this.plans = plans;
        this.vault = vault;
        this.views = views;
        this.audit = audit;
    }

    ChannelWire.ChannelResponse create(Caller caller, String botId, ChannelWire.CreateRequest request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        ChannelType type = ChannelType.fromWire(request.type()).orElseThrow();
        ChannelCredentials credentials = ChannelCredentials.validate(type, request.credentials(), null);
        String name = blankToNull(request.name());
        UUID id = Ids.next();
        String sealed = vault.seal(tenant.value(), id, credentials);
        String hints = vault.hintsJson(credentials.hints(type));
        String widgetKey = type == ChannelType.WEB ? newWidgetKey() : null;
        return DuplicateAccount.refused(type, () -> scope.write(tenant, () -> {
            UUID bot = requireBot(tenant, botId);
            plans.requireRoomForOneMore(tenant, PlanLimit.CHANNELS);
            channels.insert(tenant.value(), id, bot, type.wireName(), name, credentials.externalId(type), sealed,
                    hints, widgetKey);
            if (type == ChannelType.WEB) {
                // Nothing outside Parley can be wrong with a web chat, so it is healthy from the start rather than
                // an orange "Not verified" that no verify could ever change.
                channels.recordCheck(tenant.value(), id, "healthy", WebCheck.DETAIL, Instant.now(), null, sealed);
            }
            routes.insert(id, tenant.value(), type.wireName(), widgetKey);
            audit.record(tenant, caller.actor(), "channel.created", "channel", id.toString(),
                    described(bot, type.wireName(), name));
            return views.toResponse(channels.find(tenant.value(), bot, id).orElseThrow());
        }));
    }

    PageResponse<ChannelWire.ChannelResponse> list(Caller caller, String botId, String cursor, Integer limit,
                                                   boolean includeTest) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        return scope.read(tenant, () -> {
            UUID bot = requireBot(tenant, botId);
            return PageResponse.of(channels.page(tenant.value(), bot, before, size + 1, includeTest), size, views::toResponse,
                    row -> row.id().toString());
        });
    }

    ChannelWire.ChannelResponse get(Caller caller, String botId, String channelId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> views.toResponse(find(tenant, botId, channelId)));
    }

    ChannelWire.ChannelResponse update(Caller caller, String botId, String channelId,
                                       ChannelWire.UpdateRequest request, MergePatch patch) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        for (String member : List.of("credentials", "web")) {
            if (patch.removes(member)) {
                throw ProblemException.invalidField(member, ProblemMessages.CANNOT_REMOVE);
            }
        }
        ChannelRow seen = scope.read(tenant, () -> find(tenant, botId, channelId));
        ChannelType type = seen.channelType();
        ChannelCredentials kept = keptFrom(seen);
        ChannelCredentials credentials = request.credentials() == null ? null
                : ChannelCredentials.validate(type, merged(kept, type, request.credentials()), kept);
        String sealed = credentials == null ? null : vault.seal(tenant.value(), seen.id(), credentials);
        String webSettings = patch.has("web") ? web.patched(seen, request.web() == null
                ? WebSettingsWire.Patch.NONE : request.web(), patch) : null;
        return DuplicateAccount.refused(type, () -> scope.write(tenant, () -> {
            ChannelRow current = find(tenant, botId, channelId);
            List<String> fields = new ArrayList<>();
            if (request.name() != null || patch.removes("name")) {
                channels.rename(tenant.value(), current.id(), patch.removes("name") ? null : blankToNull(request.name()));
                fields.add("name");
            }
            if (credentials != null) {
                channels.replaceCredentials(tenant.value(), current.id(), sealed,
                        vault.hintsJson(credentials.hints(type)), credentials.externalId(type));
                fields.add("credentials");
            }
            if (webSettings != null) {
                channels.updateWebSettings(tenant.value(), current.id(), webSettings);
                fields.add("web");
            }
            if (!fields.isEmpty()) {
                audit.record(tenant, caller.actor(), "channel.updated", "channel", current.id().toString(),
                        Map.of("fields", fields));
            }
            return views.toResponse(channels.find(tenant.value(), current.botId(), current.id()).orElseThrow());
        }));
    }

    void delete(Caller caller, String botId, String channelId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            ChannelRow channel = find(tenant, botId, channelId);
            channels.delete(tenant.value(), channel.id());
            audit.record(tenant, caller.actor(), "channel.deleted", "channel", channel.id().toString(),
                    described(channel.botId(), channel.type(), channel.name()));
        });
    }

    WebSettingsWire.IdentitySecret rotateIdentitySecret(Caller caller, String botId, String channelId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return web.rotate(caller, scope.read(tenant, () -> find(tenant, botId, channelId)));
    }

    static String newWidgetKey() {
        return WIDGET_KEY_PREFIX + ChannelCredentials.randomToken(24);
    }

    /** The channel of {@code botId} in the caller's tenant, or 404 (also for malformed ids and other tenants). */
    ChannelRow find(TenantId tenant, String botId, String channelId) {
        return Ids.parse(botId).flatMap(bot -> Ids.parse(channelId)
                        .flatMap(id -> channels.find(tenant.value(), bot, id)))
                .orElseThrow(() -> ProblemException.notFound("Channel"));
    }

    private UUID requireBot(TenantId tenant, String botId) {
        return Ids.parse(botId).flatMap(id -> bots.find(tenant.value(), id)).map(bot -> bot.id())
                .orElseThrow(() -> ProblemException.notFound("Bot"));
    }

    /** Generated values survive a replace; unreadable old credentials (key rotated away) simply start afresh. */
    /**
     * Merge patch of the credentials (RFC 7396): the stored values, with each sent member replacing its value
     * and a member sent as null removed. Unreadable stored credentials (a rotated-away key) merge as none.
     */
    private static Map<String, Object> merged(ChannelCredentials stored, ChannelType type, Map<String, Object> sent) {
        Map<String, Object> merged = new LinkedHashMap<>(stored == null ? Map.of() : stored.sentValues(type));
        sent.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        return merged;
    }

    private ChannelCredentials keptFrom(ChannelRow row) {
        try {
            return vault.open(row);
        } catch (SecretUnreadableException e) {
            return null;
        }
    }

    /** Audit details: which channel, never its credentials. */
    private static Map<String, Object> described(UUID botId, String type, String name) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("botId", botId.toString());
        details.put("type", type);
        if (name != null) {
            details.put("name", name);
        }
        return details;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
