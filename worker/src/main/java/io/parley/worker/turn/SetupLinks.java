package io.parley.worker.turn;

import io.micronaut.context.annotation.Value;
import io.parley.core.contact.SetupLinkSigner;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The {@code {{setupUrl}}} of welcome messages and flow replies: the contact's persona setup page, valid for the
 * longest time a setup link may live (7 days), since people open a welcome message's link whenever they like.
 */
@Singleton
final class SetupLinks {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final SetupLinkSigner signer;
    private final String publicUrl;

    SetupLinks(SetupLinkSigner signer, @Value("${parley.public-url}") String publicUrl) {
        this.signer = signer;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    String url(TenantId tenant, UUID contactId) {
        Instant expiresAt = Instant.now().plus(VALIDITY).truncatedTo(ChronoUnit.SECONDS);
        return publicUrl + "/setup/" + signer.sign(tenant, contactId, expiresAt);
    }
}
