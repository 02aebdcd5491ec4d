package io.parley.core.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The tenant (business) that owns a row, a job or a request. Every tenant-owned read and write names one. */
@Serdeable
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    /** Parses an id from a URL or a credential; anything malformed is simply "no such tenant". */
    public static Optional<TenantId> parse(String text) {
        return Ids.parse(text).map(TenantId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
