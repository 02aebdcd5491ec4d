package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A single-use token mailed to a user (verify the address, reset the password): see V166. Only its hash is kept. */
@MappedEntity("email_tokens")
public record EmailTokenRow(@Id UUID id, UUID userId, String purpose, String email, byte[] tokenHash,
                            Instant createdAt, Instant expiresAt, @Nullable Instant usedAt) {

    public static final String VERIFY_EMAIL = "verify-email";
    public static final String RESET_PASSWORD = "reset-password";

    @Override
    public String toString() {
        return "EmailTokenRow[id=" + id + ", purpose=" + purpose + ", user=" + userId + "]";
    }
}
