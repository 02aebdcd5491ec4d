package io.parley.core.accesscode;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.access-codes.*}: the per-contact limit on wrong access codes.
 *
 * @param maxWrongAttempts wrong codes a contact may send one bot within {@code attemptWindow}
 *                         (PARLEY_ACCESS_CODES_MAX_WRONG_ATTEMPTS); after that no code is checked until the window
 *                         has moved on, and the ask step's {@code failText} (or {@code lockedMessage}) answers
 * @param attemptWindow    the sliding window the wrong codes are counted in (PARLEY_ACCESS_CODES_ATTEMPT_WINDOW)
 * @param lockedMessage    sent while locked when the ask step has no {@code failText}
 *                         (PARLEY_ACCESS_CODES_LOCKED_MESSAGE)
 */
@ConfigurationProperties("parley.access-codes")
public record AccessCodeSettings(@Bindable(defaultValue = "5") @Min(1) int maxWrongAttempts,
                                 @Bindable(defaultValue = "1h") @NotNull Duration attemptWindow,
                                 @Bindable(defaultValue = "Too many wrong codes. Please try again later.")
                                 @NotBlank String lockedMessage) {
}
