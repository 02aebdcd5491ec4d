package io.parley.core.account.email;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** An account email in the outbox; {@code sealedBody} is null once sent. */
@MappedEntity("account_emails")
record AccountEmailRow(@Id UUID id, String kind, String recipient, String subject, @Nullable String sealedBody,
                       Instant createdAt, @Nullable Instant sentAt) {

    @Override
    public String toString() {
        return "AccountEmailRow[id=" + id + ", kind=" + kind + "]";
    }
}
