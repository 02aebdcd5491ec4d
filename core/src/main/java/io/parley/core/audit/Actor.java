package io.parley.core.audit;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/** Who did something: a dashboard user, an API key, or Parley itself. */
public record Actor(Type type, @Nullable UUID id, @Nullable String label, @Nullable String ip) {

    public enum Type { USER, API_KEY, SYSTEM }

    public static Actor system(String label) {
        return new Actor(Type.SYSTEM, null, label, null);
    }
}
