package io.parley.core.contact.optout;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * {@code parley.opt-outs.*}: the opt-out keywords of tenants that did not set their own
 * ({@code PARLEY_OPT_OUTS_DEFAULT_KEYWORDS}, comma-separated).
 */
@ConfigurationProperties("parley.opt-outs")
public record OptOutSettings(@Bindable(defaultValue = "STOP,UNSUBSCRIBE,退訂") @NotNull List<String> defaultKeywords) {
}
