package io.parley.core.billing.meter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;

/** What a meter counts, read from an hour of the usage ledger. */
public enum MeterQuantity {
    ANSWERED_MESSAGES(HourlyUsage::answeredMessages),
    LLM_CALLS(HourlyUsage::llmCalls),
    INPUT_TOKENS(HourlyUsage::promptTokens),
    OUTPUT_TOKENS(HourlyUsage::completionTokens),
    LLM_COST_MICROS(HourlyUsage::llmCostMicros);

    private final ToLongFunction<HourlyUsage> read;

    MeterQuantity(ToLongFunction<HourlyUsage> read) {
        this.read = read;
    }

    public long of(HourlyUsage hour) {
        return read.applyAsLong(hour);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<MeterQuantity> fromWire(String text) {
        return Arrays.stream(values()).filter(q -> q.wireName().equals(text)).findFirst();
    }
}
