package io.parley.api.auth;

import io.micronaut.core.annotation.Nullable;

/**
 * Who the provider says signed in: its stable subject, the email and whether the provider verified it.
 * An unverified email is never used to find or create a Parley account.
 */
record ProviderProfile(String subject, @Nullable String email, boolean emailVerified, @Nullable String name) {
}
