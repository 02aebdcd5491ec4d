package io.parley.api.bot;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.bot.BotRepository;
import io.parley.core.bot.LlmSource;
import io.parley.core.bot.BotRow;
import io.parley.core.plan.PlanGuard;
import io.parley.core.plan.PlanLimit;
import io.parley.core.secrets.SecretBox;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Bots of the caller's tenant: admins configure, every member reads. The LLM API key is sealed and write-only. */
@Singleton
final class BotService {

    private final TenantScope scope;
    private final BotRepository bots;
    private final PlanGuard plans;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final JsonMapper json;

    private final io.parley.api.memory.MemoryReferences memory;
    private final BotModeration moderations;
    private final BotMemory memorySettings;

    private final PlatformLlm platformLlm;

    BotService(TenantScope scope, BotRepository bots, PlanGuard plans, SecretBox secrets, AuditLog audit,
               JsonMapper json, io.parley.api.memory.MemoryReferences memory, BotModeration moderations,
               BotMemory memorySettings, PlatformLlm platformLlm) {
        this.memorySettings = memorySettings;
        this.platformLlm = platformLlm;
        this.memory = memory;
        this.moderations = moderations;
        this.scope = scope;
        this.bots = bots;
        this.plans = plans;
        this.secrets = secrets;
        this.audit = audit;
        this.json = json;
    }

    BotWire.BotResponse create(Caller caller, BotWire.BotRequest request, MergePatch patch) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        if (request.name() == null || request.name().isBlank()) {
            throw ProblemException.invalidField("name", "must not be blank");
        }
        UUID id = Ids.next();
        BotRow defaults = new BotRow(tenant.value(), id, request.name(), "active", "", BotMerge.DEFAULT_PROVIDER, null, null,
                null, null, null, null, null, 10, null, null, null, null, "none", null, null, "{}", "{}", 1,
                Instant.now(), Instant.now(), null, "{}", null);
        BotRow row = BotMerge.apply(defaults, request, patch, this::sealApiKey, tiers);
        String moderation = moderations.merge(row, request.moderation(), patch);
        return scope.write(tenant, () -> {
            plans.requireRoomForOneMore(tenant, PlanLimit.BOTS);
            memory.requireDeclared(tenant.value(), row.id(), "persona", row.persona()); // none declared yet
            bots.insert(row.tenantId(), row.id(), row.name(), row.status(), row.persona(), row.llmProvider(),
                    row.llmBaseUrl(), row.llmModel(), row.llmApiKeySealed(), row.llmApiKeyHint(), row.llmTemperature(),
                    row.llmMaxTokens(), row.llmTimeoutMs(), row.historyWindow(), row.welcomeMessage(),
                    row.fallbackMessage(), row.limitMessage(), row.outputConversion(), row.limitPerHour(),
                    row.limitPerDay(), row.tierLimits());
            bots.setQuotaMessage(row.tenantId(), row.id(), row.quotaMessage());
            bots.setModeration(row.tenantId(), row.id(), moderation);
            bots.setMemorySettings(row.tenantId(), row.id(), memorySettings.merge("{}", request.memory(), patch));
            bots.setLlmApiVersion(row.tenantId(), row.id(), row.llmApiVersion());
            bots.setHandoffText(row.tenantId(), row.id(), row.handoffText());
            audit.record(tenant, caller.actor(), "bot.created", "bot", id.toString(), Map.of("name", row.name()));
            return toResponse(bots.find(tenant.value(), id).orElseThrow());
        });
    }

    BotWire.BotResponse get(Caller caller, String botId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> toResponse(find(tenant, botId)));
    }

    PageResponse<BotWire.BotResponse> list(Caller caller, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        return scope.read(tenant, () -> PageResponse.of(bots.page(tenant.value(), before, size + 1), size,
                this::toResponse, row -> row.id().toString()));
    }

    BotWire.BotResponse update(Caller caller, String botId, BotWire.BotRequest request, MergePatch patch) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.write(tenant, () -> {
            BotRow current = find(tenant, botId);
            BotRow row = BotMerge.apply(current, request, patch, this::sealApiKey, tiers);
            memory.requireDeclared(tenant.value(), row.id(), "persona", row.persona());
            bots.update(row.tenantId(), row.id(), row.name(), row.status(), row.persona(), row.llmProvider(),
                    row.llmBaseUrl(), row.llmModel(), row.llmApiKeySealed(), row.llmApiKeyHint(), row.llmTemperature(),
                    row.llmMaxTokens(), row.llmTimeoutMs(), row.historyWindow(), row.welcomeMessage(),
                    row.fallbackMessage(), row.limitMessage(), row.outputConversion(), row.limitPerHour(),
                    row.limitPerDay(), row.tierLimits());
            bots.setQuotaMessage(row.tenantId(), row.id(), row.quotaMessage());
            bots.setModeration(row.tenantId(), row.id(), moderations.merge(current, request.moderation(), patch));
            bots.setMemorySettings(row.tenantId(), row.id(),
                    memorySettings.merge(current.memorySettings(), request.memory(), patch));
            bots.setLlmApiVersion(row.tenantId(), row.id(), row.llmApiVersion());
            bots.setHandoffText(row.tenantId(), row.id(), row.handoffText());
            audit.record(tenant, caller.actor(), "bot.updated", "bot", row.id().toString(),
                    Map.of("fields", BotMerge.changedFields(request, patch)));
            return toResponse(bots.find(tenant.value(), row.id()).orElseThrow());
        });
    }

    void delete(Caller caller, String botId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            BotRow bot = find(tenant, botId);
            bots.delete(tenant.value(), bot.id());
            audit.record(tenant, caller.actor(), "bot.deleted", "bot", bot.id().toString(), Map.of("name", bot.name()));
        });
    }

    private BotRow find(TenantId tenant, String botId) {
        return Ids.parse(botId).flatMap(id -> bots.find(tenant.value(), id))
                .orElseThrow(() -> ProblemException.notFound("Bot"));
    }

    /** Bound to its tenant and bot: a sealed key copied to another bot's row does not open. */
    private String sealApiKey(BotRow bot, String apiKey) {
        return secrets.seal(apiKey, "tenant:" + bot.tenantId() + "/bot:" + bot.id() + "/llmApiKey");
    }

    private final BotMerge.Tiers tiers = new BotMerge.Tiers() {
        @Override
        public Map<String, BotWire.TierLimits> read(String text) {
            return readTiers(text);
        }

        @Override
        public String write(Map<String, BotWire.TierLimits> map) {
            return writeTiers(map);
        }
    };

    private String writeTiers(Map<String, BotWire.TierLimits> tiers) {
        try {
            return json.writeValueAsString(tiers == null ? Map.of() : tiers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, BotWire.TierLimits> readTiers(String text) {
        try {
            Map<String, BotWire.TierLimits> tiers = json.readValue(text,
                    Argument.mapOf(Argument.STRING, Argument.of(BotWire.TierLimits.class)));
            return tiers == null ? Map.of() : new LinkedHashMap<>(tiers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BotWire.BotResponse toResponse(BotRow row) {
        return new BotWire.BotResponse(row.id().toString(), row.name(), row.status(), row.persona(),
                new BotWire.LlmView(row.llmProvider(), row.llmBaseUrl(), row.llmModel(), row.llmApiKeySealed() != null,
                        row.llmApiKeyHint(), row.llmTemperature(), row.llmMaxTokens(), row.llmTimeoutMs(),
                        row.llmApiVersion(), LlmSource.of(row.llmProvider(), row.llmBaseUrl(),
                        row.llmApiKeySealed() != null, platformLlm.available()).wireName()),
                row.historyWindow(), row.welcomeMessage(), row.fallbackMessage(), row.limitMessage(),
                row.quotaMessage(), row.outputConversion(), new BotWire.Limits(row.limitPerHour(), row.limitPerDay(), readTiers(row.tierLimits())),
                moderations.view(row.moderation()), memorySettings.view(row.memorySettings()), row.createdAt(),
                row.updatedAt(), row.handoffText());
    }
}
