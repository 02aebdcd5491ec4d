package io.parley.api.flow;

import io.parley.core.flow.Trigger;
import io.parley.core.tenancy.Ids;
import io.parley.core.trigger.ScheduleTimes;

import java.util.UUID;

/**
 * The proactive triggers' fields (docs/flows.md "Proactive triggers"): an inactivity length in range, a schedule with
 * exactly one of a five-field cron expression or a local date-time, and a well-formed segment id (whether it is the
 * tenant's is checked by the service, which can read segments).
 */
final class FlowProactiveValidation {

    static final int MAX_DAYS = 365;
    static final int MAX_HOURS = MAX_DAYS * 24;

    private FlowProactiveValidation() {
    }

    static Trigger inactive(FlowWire.TriggerSpec spec, FlowValidation validation) {
        Trigger.Unit unit = spec.unit() == null ? null : Trigger.Unit.parse(spec.unit()).orElse(null);
        if (unit == null) {
            validation.error("trigger.unit", "is required: days or hours");
        }
        int max = unit == Trigger.Unit.HOURS ? MAX_HOURS : MAX_DAYS;
        if (spec.after() == null || spec.after() < 1 || spec.after() > max) {
            validation.error("trigger.after", unit == Trigger.Unit.HOURS ? "must be 1 to " + max + " hours"
                    : "must be 1 to " + max + " days");
            return null;
        }
        return unit == null ? null : new Trigger.Inactive(spec.after(), unit);
    }

    static Trigger schedule(FlowWire.TriggerSpec spec, FlowValidation validation) {
        if ((spec.cron() == null) == (spec.at() == null)) {
            validation.error("trigger.cron", "a schedule needs either cron or at, not both");
            return null;
        }
        boolean valid = true;
        try {
            if (spec.cron() != null) {
                if (spec.cron().length() > 100) {
                    throw new IllegalArgumentException(ScheduleTimes.NOT_CRON);
                }
                ScheduleTimes.cron(spec.cron());
            } else {
                ScheduleTimes.at(spec.at());
            }
        } catch (IllegalArgumentException e) {
            validation.error(spec.cron() != null ? "trigger.cron" : "trigger.at", e.getMessage());
            valid = false;
        }
        UUID segment = null;
        if (spec.segmentId() != null) {
            segment = Ids.parse(spec.segmentId()).orElse(null);
            if (segment == null) {
                validation.error("trigger.segmentId", "is not a segment id");
                valid = false;
            }
        }
        return valid ? new Trigger.Schedule(spec.cron() == null ? null : spec.cron().trim(), spec.at(), segment) : null;
    }
}
