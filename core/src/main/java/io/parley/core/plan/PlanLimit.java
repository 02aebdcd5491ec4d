package io.parley.core.plan;

import java.util.function.Function;

/** The countable things a plan limits. */
public enum PlanLimit {
    BOTS("bots", "maxBots", PlanRow::maxBots),
    CHANNELS("channels", "maxChannels", PlanRow::maxChannels),
    MEMBERS("members", "maxMembers", PlanRow::maxMembers);

    private final String noun;
    private final String field;
    private final Function<PlanRow, Integer> limit;

    PlanLimit(String noun, String field, Function<PlanRow, Integer> limit) {
        this.noun = noun;
        this.field = field;
        this.limit = limit;
    }

    public String noun() {
        return noun;
    }

    /** The plan field's name in the API, e.g. "maxBots". */
    public String field() {
        return field;
    }

    /** The plan's limit, or null for unlimited. */
    public Integer of(PlanRow plan) {
        return limit.apply(plan);
    }
}
