package io.parley.worker.moderation;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.moderation.ModerationAction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What moderation said about one text: the flagged categories (sorted), the strongest action they ask for (null: not
 * flagged), and whether the moderation service could not answer (the text was then checked by keywords only).
 */
public record ModerationVerdict(List<String> categories, @Nullable ModerationAction action, boolean unavailable) {

    public static final ModerationVerdict CLEAN = new ModerationVerdict(List.of(), null, false);

    public ModerationVerdict {
        categories = List.copyOf(categories);
    }

    public boolean flagged() {
        return action != null;
    }

    /** Worth recording on the message: flagged, or left unchecked because the service was down. */
    public boolean noteworthy() {
        return flagged() || unavailable;
    }

    /**
     * The flag stored in the message's {@code payload.moderation} (read by the inbox and the analytics rollups):
     * {@code {"direction": "input"|"output", "categories": [...], "action": ..., "unchecked": true?}}.
     */
    public Map<String, Object> flag(boolean inbound) {
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("direction", inbound ? "input" : "output");
        flag.put("categories", categories);
        if (action != null) {
            flag.put("action", action.wireName());
        }
        if (unavailable) {
            flag.put("unchecked", true);
        }
        return flag;
    }
}
