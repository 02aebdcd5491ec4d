package io.parley.core.flow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.parley.core.flow.condition.Condition;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads and writes the JSON of {@code flows.trigger}, {@code flows.steps} and {@code flows.condition}. */
@Singleton
public final class FlowCodec {

    private static final Argument<List<Step>> STEPS = Argument.listOf(Step.class);

    private final JsonMapper json;

    FlowCodec(JsonMapper json) {
        this.json = json;
    }

    public Flow read(FlowRow row) {
        return new Flow(row.id(), row.name(), row.enabled(), row.priority(), readTrigger(row.triggerType(), row.trigger()),
                readSteps(row.steps()), readCondition(row.condition()));
    }

    @Nullable
    public Condition readCondition(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Condition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored flow condition is unreadable", e);
        }
    }

    @Nullable
    public String writeCondition(@Nullable Condition condition) {
        if (condition == null) {
            return null;
        }
        try {
            return json.writeValueAsString(condition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Trigger readTrigger(String type, String text) {
        Class<? extends Trigger> kind = switch (type) {
            case "keyword" -> Trigger.Keyword.class;
            case "regex" -> Trigger.Regex.class;
            case "postback" -> Trigger.Postback.class;
            case "follow" -> Trigger.Follow.class;
            case "fallback" -> Trigger.Fallback.class;
            case "gate" -> Trigger.Gate.class;
            case "setup_submitted" -> Trigger.SetupSubmitted.class;
            case "contact_created" -> Trigger.ContactCreated.class;
            case "inactive" -> Trigger.Inactive.class;
            case "schedule" -> Trigger.Schedule.class;
            default -> throw new IllegalStateException("unknown trigger type " + type);
        };
        try {
            return json.readValue(text, kind);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + type + " trigger is unreadable", e);
        }
    }

    public List<Step> readSteps(String text) {
        try {
            List<Step> steps = json.readValue(text, STEPS);
            return steps == null ? List.of() : List.copyOf(steps);
        } catch (IOException e) {
            throw new UncheckedIOException("stored flow steps are unreadable", e);
        }
    }

    /** The trigger's fields; its type goes to {@code trigger_type}. */
    public String writeTrigger(Trigger trigger) {
        try {
            return json.writeValueAsString(trigger);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String writeSteps(List<Step> steps) {
        try {
            return json.writeValueAsString(STEPS, steps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
