package io.parley.api.broadcast;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * {@code parley.broadcasts.whatsapp-prices.*} (docs/broadcasts.md "Estimate"): what Meta charges per delivered
 * template message, by template category, in {@code currency}. Meta's rates depend on the recipient's country and
 * change; the defaults are placeholders of the right magnitude, to be set to the rate card of the market served.
 * A message that is not a template (only possible within 24 hours of the contact's last message) is free.
 */
@ConfigurationProperties("parley.broadcasts.whatsapp-prices")
record WhatsAppPrices(@Bindable(defaultValue = "USD") @NotBlank String currency,
                      @Bindable(defaultValue = "0.025") @NotNull @DecimalMin("0") BigDecimal marketing,
                      @Bindable(defaultValue = "0.004") @NotNull @DecimalMin("0") BigDecimal utility,
                      @Bindable(defaultValue = "0.004") @NotNull @DecimalMin("0") BigDecimal authentication) {

    /** The price of one message of a template {@code category} (MARKETING, UTILITY, AUTHENTICATION). */
    BigDecimal of(String category) {
        return switch (category.toLowerCase(Locale.ROOT)) {
            case "utility" -> utility;
            case "authentication" -> authentication;
            case "service" -> BigDecimal.ZERO;
            default -> marketing;
        };
    }
}
