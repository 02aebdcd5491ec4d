package io.parley.api.llmprice;

import io.parley.api.caller.Caller;
import io.parley.core.audit.AuditLog;
import io.parley.core.llmprice.LlmPrice;
import io.parley.core.llmprice.LlmPriceCatalog;
import io.parley.core.llmprice.TenantLlmPriceRepository;
import io.parley.core.llmprice.TenantLlmPriceRow;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The price table as a tenant sees and edits it: everyone reads, owners and admins set and remove its own prices. */
@Singleton
final class LlmPriceService {

    /** Model names as providers write them ("gpt-4.1", "llama3:70b", "meta-llama/Llama-3-70b"), no control chars. */
    private static final java.util.regex.Pattern MODEL = java.util.regex.Pattern.compile("[\\p{Graph}&&[^\\p{Cntrl}]]{1,200}");

    private final TenantScope scope;
    private final LlmPriceCatalog operator;
    private final TenantLlmPriceRepository prices;
    private final UnpricedModels unpriced;
    private final AuditLog audit;

    LlmPriceService(TenantScope scope, LlmPriceCatalog operator, TenantLlmPriceRepository prices,
                    UnpricedModels unpriced, AuditLog audit) {
        this.scope = scope;
        this.operator = operator;
        this.prices = prices;
        this.unpriced = unpriced;
        this.audit = audit;
    }

    LlmPriceWire.Table list(Caller caller) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        YearMonth month = YearMonth.from(Instant.now().atZone(java.time.ZoneOffset.UTC));
        return scope.read(tenant, () -> new LlmPriceWire.Table(month.toString(), effective(tenant),
                unpriced.in(tenant, month)));
    }

    LlmPriceWire.Price set(Caller caller, String model, LlmPriceWire.SetPrice body) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        String name = checkModel(model);
        return scope.write(tenant, () -> {
            prices.upsert(tenant.value(), name, body.inputPerMillion(), body.outputPerMillion());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("model", name);
            details.put("inputPerMillion", body.inputPerMillion());
            details.put("outputPerMillion", body.outputPerMillion());
            audit.record(tenant, caller.actor(), "llm_price.set", "llm_price", name, details);
            TenantLlmPriceRow row = prices.find(tenant.value(), name).orElseThrow();
            return LlmPriceWire.Price.of(row.price(), operator.find(name).isPresent());
        });
    }

    void remove(Caller caller, String model) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            if (prices.delete(tenant.value(), model) == 0) {
                throw ProblemException.notFound("LLM price");
            }
            audit.record(tenant, caller.actor(), "llm_price.removed", "llm_price", model, Map.of("model", model));
        });
    }

    private List<LlmPriceWire.Price> effective(TenantId tenant) {
        Map<String, LlmPriceWire.Price> byModel = new TreeMap<>();
        operator.prices().forEach(price -> byModel.put(price.model(), LlmPriceWire.Price.of(price, false)));
        for (TenantLlmPriceRow row : prices.list(tenant.value())) {
            LlmPrice own = row.price();
            byModel.put(own.model(), LlmPriceWire.Price.of(own, operator.find(own.model()).isPresent()));
        }
        return List.copyOf(byModel.values());
    }

    private static String checkModel(String model) {
        if (model == null || !MODEL.matcher(model).matches()) {
            throw ProblemException.invalidField("model", MODEL_RULE);
        }
        return model;
    }

    static final String MODEL_RULE = "must be 1 to 200 visible ASCII characters, without spaces";
}
