package io.parley.worker.ingress.web;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * Who a web chat request says it is (docs/web-chat.md "Identity verification"): nobody, a signed-in user of the
 * host site whose identity checked out against the channel's identity secret, or an identity that did not.
 */
sealed interface WebIdentity {

    /** Identified contacts' channel identity: {@code user:<id>} (session ids never contain a colon). */
    String EXTERNAL_PREFIX = "user:";

    /** No identity was sent. */
    record Absent() implements WebIdentity {
    }

    /** A forged, expired or malformed identity; {@code reason} is for the contact, never contains the secret. */
    record Invalid(String reason) implements WebIdentity {
    }

    /** A signed-in user; name, email and attributes only from a token. */
    record Verified(String userId, @Nullable String name, @Nullable String email, Map<String, Object> attributes)
            implements WebIdentity {

        String externalUserId() {
            return EXTERNAL_PREFIX + userId;
        }

        @Override
        public String toString() {
            return "Verified[]"; // a person's id, name and email stay out of logs
        }
    }
}
