package io.parley.api.setuppage;

import io.parley.api.caller.Caller;
import io.parley.core.audit.AuditLog;
import io.parley.core.bot.BotRepository;
import io.parley.core.setuppage.SetupPageSettings;
import io.parley.core.setuppage.SetupPages;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A bot's setup-page settings: every member reads them, admins replace them (audited). */
@Singleton
final class SetupPageService {

    private final TenantScope scope;
    private final BotRepository bots;
    private final SetupPages pages;
    private final AuditLog audit;

    SetupPageService(TenantScope scope, BotRepository bots, SetupPages pages, AuditLog audit) {
        this.scope = scope;
        this.bots = bots;
        this.pages = pages;
        this.audit = audit;
    }

    SetupPageWire.SettingsSpec get(Caller caller, String botId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> SetupPageWire.SettingsSpec.of(pages.of(tenant, bot(tenant, botId))));
    }

    SetupPageWire.SettingsSpec put(Caller caller, String botId, SetupPageWire.SettingsSpec request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        SetupPageSettings settings = SetupPageValidation.settings(request);
        return scope.write(tenant, () -> {
            UUID bot = bot(tenant, botId);
            SetupPageSettings before = pages.of(tenant, bot);
            pages.save(tenant, bot, settings);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("botId", bot.toString());
            details.put("fields", settings.fields().stream().map(SetupPageSettings.Field::key).toList());
            details.put("allowPersonaOverride", settings.allowPersonaOverride());
            details.put("allowPersonaOverrideBefore", before.allowPersonaOverride());
            audit.record(tenant, caller.actor(), "bot.setup_page_updated", "bot", bot.toString(), details);
            return SetupPageWire.SettingsSpec.of(pages.of(tenant, bot));
        });
    }

    private UUID bot(TenantId tenant, String botId) {
        return Ids.parse(botId).flatMap(id -> bots.find(tenant.value(), id)).map(b -> b.id())
                .orElseThrow(() -> ProblemException.notFound("Bot"));
    }
}
