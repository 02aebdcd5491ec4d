package io.parley.core.plan;

/** The plan does not allow another one of something; the API answers 402 naming the limit. */
public final class PlanLimitReachedException extends RuntimeException {

    private final PlanRow plan;
    private final PlanLimit limit;
    private final int max;

    PlanLimitReachedException(PlanRow plan, PlanLimit limit, int max) {
        super("The " + plan.name() + " plan allows " + max + " " + limit.noun() + "; upgrade to add more.", null,
                false, false);
        this.plan = plan;
        this.limit = limit;
        this.max = max;
    }

    public PlanRow plan() {
        return plan;
    }

    public PlanLimit limit() {
        return limit;
    }

    public int max() {
        return max;
    }
}
