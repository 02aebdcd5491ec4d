package io.parley.core.budget;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.budgets.*} (docs/configuration.md#budgets).
 *
 * @param reservationTtl      how long a started LLM call holds its reserved cost when its process never settles it
 *                            (died mid-call); longer than any LLM timeout
 * @param maxCompletionTokens the completion limit given to calls of a bot without {@code llm.maxTokens} while a hard
 *                            cap applies, so that every call's cost has a known ceiling
 */
@ConfigurationProperties("parley.budgets")
public record BudgetSettings(@Bindable(defaultValue = "5m") @NotNull Duration reservationTtl,
                             @Bindable(defaultValue = "1024") @Min(1) int maxCompletionTokens) {
}
