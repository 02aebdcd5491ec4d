package io.parley.worker.llm;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.inject.Singleton;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The price table that turns token counts into cost: {@code parley.llm.prices.<model>.input-per-million} and
 * {@code .output-per-million}, in micro-USD per million tokens (e.g. 150000 = $0.15). A property name cannot hold a
 * dot, so a model named "gpt-4.1" is configured as "gpt-4-1". Unknown models cost 0 (and are visible as such in
 * llm_usage), which is right for self-hosted servers and the demo LLM.
 */
@Singleton
public final class LlmPrices {

    private final Map<String, Price> prices = new HashMap<>();

    LlmPrices(List<Price> configured) {
        configured.forEach(price -> prices.put(price.model(), price));
    }

    /** Cost in micro-USD, rounded up so that many small calls cannot add up to nothing. */
    public long costMicros(String model, int promptTokens, int completionTokens) {
        Price price = prices.getOrDefault(model, prices.get(model.replace('.', '-')));
        if (price == null) {
            return 0;
        }
        BigInteger total = BigInteger.valueOf(promptTokens).multiply(BigInteger.valueOf(price.inputPerMillion()))
                .add(BigInteger.valueOf(completionTokens).multiply(BigInteger.valueOf(price.outputPerMillion())));
        BigInteger[] micros = total.divideAndRemainder(BigInteger.valueOf(1_000_000));
        return micros[0].longValueExact() + (micros[1].signum() > 0 ? 1 : 0);
    }

    /** One model's prices, from {@code parley.llm.prices.<model>}. */
    @EachProperty("parley.llm.prices")
    public record Price(@Parameter String model, @Bindable(defaultValue = "0") long inputPerMillion,
                        @Bindable(defaultValue = "0") long outputPerMillion) {
    }
}
