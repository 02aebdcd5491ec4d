package io.parley.core.llmprice;

import java.math.BigInteger;

/**
 * What one model costs, in micro-USD per million tokens (150000 = $0.15 per 1M). A price of 0 is a real price: the
 * demo LLM and self-hosted models are free, and saying so is what keeps their calls from being flagged unpriced.
 */
public record LlmPrice(String model, long inputPerMillion, long outputPerMillion, Source source) {

    /** Whose price it is: the operator's (configuration) or the tenant's own. */
    public enum Source {
        OPERATOR, TENANT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Cost in micro-USD, rounded up so that many small calls cannot add up to nothing. */
    public long costMicros(int promptTokens, int completionTokens) {
        BigInteger total = BigInteger.valueOf(promptTokens).multiply(BigInteger.valueOf(inputPerMillion))
                .add(BigInteger.valueOf(completionTokens).multiply(BigInteger.valueOf(outputPerMillion)));
        BigInteger[] micros = total.divideAndRemainder(BigInteger.valueOf(1_000_000));
        return micros[0].longValueExact() + (micros[1].signum() > 0 ? 1 : 0);
    }
}
