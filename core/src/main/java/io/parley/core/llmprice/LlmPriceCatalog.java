package io.parley.core.llmprice;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's prices from the configuration ({@link ConfiguredLlmPrice}), checked at start-up. Every process holds
 * the same configuration, so the turn path reads them from memory; the llm_prices table is their projection for SQL
 * reports ({@link LlmPriceCatalogSync}).
 */
@Singleton
public final class LlmPriceCatalog {

    private final Map<String, LlmPrice> byModel = new LinkedHashMap<>();

    LlmPriceCatalog(List<ConfiguredLlmPrice> configured) {
        configured.stream().sorted(Comparator.comparing(ConfiguredLlmPrice::modelName)).forEach(price -> {
            if (price.inputPerMillion() < 0 || price.outputPerMillion() < 0) {
                throw new ConfigurationException("parley.llm.prices." + price.name() + ": prices cannot be negative");
            }
            LlmPrice previous = byModel.put(price.modelName(), new LlmPrice(price.modelName(), price.inputPerMillion(),
                    price.outputPerMillion(), LlmPrice.Source.OPERATOR));
            if (previous != null) {
                throw new ConfigurationException("parley.llm.prices names model " + price.modelName() + " twice");
            }
        });
    }

    /** Sorted by model. */
    public List<LlmPrice> prices() {
        return List.copyOf(byModel.values());
    }

    /** The model's price, or that of its name with dashes for dots (how a dotted name was configured before). */
    public Optional<LlmPrice> find(String model) {
        LlmPrice price = byModel.get(model);
        if (price == null) {
            price = byModel.get(model.replace('.', '-'));
        }
        return Optional.ofNullable(price).map(p -> p.model().equals(model) ? p
                : new LlmPrice(model, p.inputPerMillion(), p.outputPerMillion(), p.source()));
    }
}
