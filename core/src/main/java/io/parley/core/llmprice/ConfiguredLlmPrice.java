package io.parley.core.llmprice;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * One operator price, {@code parley.llm.prices.<name>}: {@code input-per-million} and {@code output-per-million} in
 * micro-USD, and {@code model} when the model's name cannot be a property name (a dot, a slash or capitals: e.g.
 * {@code parley.llm.prices.gpt41.model=gpt-4.1}). Without {@code model} the name is the model's; a model written with
 * dashes for dots ("gpt-4-1") still prices "gpt-4.1", as before the price table.
 */
@EachProperty("parley.llm.prices")
public record ConfiguredLlmPrice(@Parameter String name, @Nullable String model,
                                 @Bindable(defaultValue = "0") long inputPerMillion,
                                 @Bindable(defaultValue = "0") long outputPerMillion) {

    public String modelName() {
        return model == null || model.isBlank() ? name : model;
    }
}
