package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A provider sign-in (or link) started and not finished: see V165__oauth_identities.sql. */
@MappedEntity("oauth_attempts")
public record OAuthAttemptRow(@Id byte[] stateHash, String provider, byte[] browserHash, String codeVerifier,
                              String nonce, @Nullable java.util.UUID linkUserId, Instant createdAt, Instant expiresAt,
                              @Nullable Instant usedAt) {

    @Override
    public String toString() {
        return "OAuthAttemptRow[provider=" + provider + ", expiresAt=" + expiresAt + "]";
    }
}
