package io.parley.core.flow.capture;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.List;

/**
 * {@code parley.flows.*}: how long a flow's ask step waits for the contact's answer, and the words that leave it
 * (read by the worker's pipeline and by the API's dry-run, which leaves a question on them too).
 *
 * @param answerTimeout how long a question stays open (PARLEY_FLOWS_ANSWER_TIMEOUT); a later message is an
 *                      ordinary message again. Each re-ask starts the time anew.
 * @param cancelWords   messages that leave a waiting question (compared like keywords: case- and width-insensitive)
 *                      and are then handled as ordinary messages, so a flow can answer them (PARLEY_FLOWS_CANCEL_WORDS)
 */
@ConfigurationProperties("parley.flows")
public record CaptureSettings(@Bindable(defaultValue = "30m") @NotNull Duration answerTimeout,
                              @Bindable(defaultValue = "cancel,取消") @NotNull List<String> cancelWords) {
}
