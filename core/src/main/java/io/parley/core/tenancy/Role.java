package io.parley.core.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;
import java.util.Optional;

/**
 * A member's (or API key's) role inside one tenant. Ordered from most to least powerful:
 * owners manage everything including other owners; admins manage configuration, members and keys;
 * agents work the inbox; viewers read.
 */
@Serdeable
public enum Role {
    OWNER, ADMIN, AGENT, VIEWER;

    /** True when this role has at least the power of {@code other}. */
    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
