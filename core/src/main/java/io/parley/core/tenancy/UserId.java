package io.parley.core.tenancy;

import java.util.Objects;
import java.util.UUID;

/** A dashboard user: one global login that may be a member of several tenants. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
