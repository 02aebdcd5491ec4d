package io.parley.core.broadcast;

import java.util.Locale;
import java.util.Set;

/** A broadcast's life: draft → scheduled → running ⇄ paused → completed, or cancelled before it completes. */
public enum BroadcastState {
    DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BroadcastState parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED;
    }

    /** States the broadcast may be paused from, and cancelled from. */
    public static final Set<BroadcastState> PAUSABLE = Set.of(SCHEDULED, RUNNING);
    public static final Set<BroadcastState> CANCELLABLE = Set.of(DRAFT, SCHEDULED, RUNNING, PAUSED);
}
