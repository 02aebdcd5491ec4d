package io.parley.core.budget;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An LLM budget a tenant set (docs/billing.md#budgets-and-hard-caps): for the whole tenant ({@code botId} null) or
 * one bot, per UTC month and/or UTC day, in micro-USD; alerts at {@code thresholds} percent; with {@code hardCap} no
 * LLM call starts at the limit and the bot does {@code atCap} instead.
 */
public record LlmBudget(@Nullable UUID botId, @Nullable Long monthlyMicros, @Nullable Long dailyMicros,
                        List<Integer> thresholds, boolean hardCap, AtCap atCap, @Nullable String capModel,
                        @Nullable String capMessage) {

    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);

    /** What the bot does when a hard cap stops the LLM: never silence. */
    public enum AtCap {
        /** answer with the budget's cap message (or a default in the bot's words) */
        MESSAGE,
        /** call the LLM with {@code capModel}, a cheaper model, past the cap (its cost is still counted) */
        CHEAPER_MODEL,
        /** flows still answer; what would need the LLM gets the bot's fallback message */
        FLOWS_ONLY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<AtCap> fromWire(String text) {
            for (AtCap mode : values()) {
                if (mode.wireName().equals(text)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    public LlmBudget {
        thresholds = thresholds == null ? DEFAULT_THRESHOLDS : List.copyOf(thresholds);
        atCap = atCap == null ? AtCap.MESSAGE : atCap;
    }

    /** A budget with no limit yet: what GET answers before anything was set. */
    public static LlmBudget none(@Nullable UUID botId) {
        return new LlmBudget(botId, null, null, DEFAULT_THRESHOLDS, true, AtCap.MESSAGE, null, null);
    }

    String scope() {
        return scopeOf(botId);
    }

    static String scopeOf(@Nullable UUID botId) {
        return botId == null ? "tenant" : "bot:" + botId;
    }

    @Nullable
    Long limit(Period period) {
        return period == Period.MONTHLY ? monthlyMicros : dailyMicros;
    }

    /** The two periods a budget counts in, both in UTC. */
    public enum Period {
        MONTHLY, DAILY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
