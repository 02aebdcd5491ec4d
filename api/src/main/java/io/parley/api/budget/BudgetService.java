package io.parley.api.budget;

import io.micronaut.core.annotation.Nullable;
import io.parley.api.caller.Caller;
import io.parley.core.audit.AuditLog;
import io.parley.core.bot.BotRepository;
import io.parley.core.budget.Budgets;
import io.parley.core.budget.LlmBudget;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Reads and merges LLM budgets (owners and admins); every change is audited as {@code billing.budget.updated}. */
@Singleton
final class BudgetService {

    private final Budgets budgets;
    private final BotRepository bots;
    private final TenantScope scope;
    private final AuditLog audit;

    BudgetService(Budgets budgets, BotRepository bots, TenantScope scope, AuditLog audit) {
        this.budgets = budgets;
        this.bots = bots;
        this.scope = scope;
        this.audit = audit;
    }

    BudgetWire.BudgetResponse get(Caller caller, @Nullable String botId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.read(tenant, () -> BudgetWire.BudgetResponse.of(
                budgets.view(tenant, bot(tenant, botId), Instant.now())));
    }

    BudgetWire.BudgetResponse update(Caller caller, @Nullable String botId, BudgetWire.BudgetRequest request,
                                     MergePatch patch) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.write(tenant, () -> {
            UUID bot = bot(tenant, botId);
            LlmBudget base = budgets.view(tenant, bot, Instant.now()).budget();
            LlmBudget merged = merge(base, request, patch);
            budgets.save(tenant, merged);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("scope", bot == null ? "tenant" : "bot");
            details.put("monthlyLimitMicros", merged.monthlyMicros());
            details.put("dailyLimitMicros", merged.dailyMicros());
            details.put("hardCap", merged.hardCap());
            details.put("atCap", merged.atCap().wireName());
            audit.record(tenant, caller.actor(), "billing.budget.updated", bot == null ? "tenant" : "bot",
                    bot == null ? tenant.toString() : bot.toString(), details);
            return BudgetWire.BudgetResponse.of(budgets.view(tenant, bot, Instant.now()));
        });
    }

    static LlmBudget merge(LlmBudget base, BudgetWire.BudgetRequest request, MergePatch patch) {
        List<Integer> thresholds = patch.has("alertThresholds")
                ? request.alertThresholds() == null ? LlmBudget.DEFAULT_THRESHOLDS
                : List.copyOf(new TreeSet<>(request.alertThresholds()))
                : base.thresholds();
        LlmBudget.AtCap atCap = patch.has("atCap")
                ? request.atCap() == null ? LlmBudget.AtCap.MESSAGE : LlmBudget.AtCap.fromWire(request.atCap())
                .orElseThrow(() -> ProblemException.invalidField("atCap",
                        "must be message, cheaper_model or flows_only"))
                : base.atCap();
        LlmBudget merged = new LlmBudget(base.botId(),
                patch.has("monthlyLimitMicros") ? request.monthlyLimitMicros() : base.monthlyMicros(),
                patch.has("dailyLimitMicros") ? request.dailyLimitMicros() : base.dailyMicros(),
                thresholds,
                patch.has("hardCap") ? request.hardCap() == null || request.hardCap() : base.hardCap(),
                atCap,
                patch.has("capModel") ? blankToNull(request.capModel()) : base.capModel(),
                patch.has("capMessage") ? blankToNull(request.capMessage()) : base.capMessage());
        if (merged.atCap() == LlmBudget.AtCap.CHEAPER_MODEL && merged.capModel() == null) {
            throw ProblemException.invalidField("capModel", "is required with atCap cheaper_model");
        }
        return merged;
    }

    /** The bot's id when one is named (404 when it is not the tenant's), else null for the tenant's budget. */
    @Nullable
    private UUID bot(TenantId tenant, @Nullable String botId) {
        if (botId == null) {
            return null;
        }
        return Ids.parse(botId).filter(id -> bots.find(tenant.value(), id).isPresent())
                .orElseThrow(() -> ProblemException.notFound("Bot"));
    }

    @Nullable
    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
