package io.parley.core.premium;

import io.micronaut.context.annotation.Value;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contact's checkout link for an offer, and the {@code {{checkoutUrl:<offerId>}}} placeholder of welcome, limit
 * and flow messages. The link is Parley's own ({@code /api/v1/public/checkout/<token>}), not a Stripe Checkout
 * Session's URL: a session expires 24 h after it is created, but a limit or welcome message is read whenever the
 * contact likes, so the session is created when the link is opened. The link is valid for {@link #VALIDITY}.
 */
@Singleton
public final class CheckoutLinks {

    public static final Duration VALIDITY = Duration.ofDays(30);
    public static final String PATH = "/api/v1/public/checkout/";
    /** {@code {{checkoutUrl:<offer id>}}}, as PersonaTemplate leaves it for the message's sending. */
    public static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{\\s*checkoutUrl:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\s*}}");

    public record Link(String url, Instant expiresAt) {
    }

    private final CheckoutLinkSigner signer;
    private final String publicUrl;

    CheckoutLinks(CheckoutLinkSigner signer, @Value("${parley.public-url}") String publicUrl) {
        this.signer = signer;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public Link link(TenantId tenant, UUID contact, UUID offer) {
        Instant expiresAt = Instant.now().plus(VALIDITY).truncatedTo(ChronoUnit.SECONDS);
        return new Link(publicUrl + PATH + signer.sign(tenant, contact, offer, expiresAt), expiresAt);
    }

    /**
     * Fills every {@code {{checkoutUrl:<offer id>}}} of {@code text} with the contact's link. The offer is not looked
     * up here (no query per message): a link to an unknown or deleted offer answers 404 when opened.
     */
    public String render(String text, TenantId tenant, UUID contact) {
        if (text == null || !text.contains("checkoutUrl")) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String url = link(tenant, contact, UUID.fromString(matcher.group(1))).url();
            matcher.appendReplacement(out, Matcher.quoteReplacement(url));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
