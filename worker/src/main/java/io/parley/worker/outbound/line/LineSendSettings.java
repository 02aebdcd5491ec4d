package io.parley.worker.outbound.line;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code parley.outbound.line.*}. {@code replyWindow}: how long after the inbound event a reply token is still used.
 * LINE guarantees a token only "within 1 minute" of the webhook
 * (https://developers.line.biz/en/reference/messaging-api/#send-reply-message); 50 s leaves room for the request
 * itself. After the window the reply goes out as a push (which counts against the monthly quota).
 */
@ConfigurationProperties("parley.outbound.line")
record LineSendSettings(@Bindable(defaultValue = "50s") @NotNull Duration replyWindow) {
}
