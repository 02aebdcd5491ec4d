package io.parley.core.contact;

import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SetupLinkSignerTest {

    private static final String SECRET = "unit-test-secret-0123456789abcdef-0123456789abcdef";
    private final SetupLinkSigner signer = new SetupLinkSigner(SECRET);
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final UUID contact = UUID.randomUUID();
    private final Instant expiry = Instant.parse("2030-01-02T03:04:05Z");

    @Test
    void signedTokenVerifiesToWhatItNames() {
        String token = signer.sign(tenant, contact, expiry);

        assertThat(token).startsWith("pst_").matches("pst_[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(signer.verify(token)).contains(new SetupLinkSigner.Claims(tenant, contact, expiry));
    }

    @Test
    void tokensFromAnotherSecretAreInvalid() {
        String foreign = new SetupLinkSigner(SECRET + "x").sign(tenant, contact, expiry);

        assertThat(signer.verify(foreign)).isEmpty();
    }

    @Test
    void theMacKeyIsDerivedNotTheSecretItself() throws Exception {
        String token = signer.sign(tenant, contact, expiry);
        String signed = token.substring(0, token.indexOf('.'));
        Mac raw = Mac.getInstance("HmacSHA256");
        raw.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String withRawSecret = signed + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raw.doFinal(signed.getBytes(StandardCharsets.UTF_8)));

        assertThat(withRawSecret).isNotEqualTo(token);
        assertThat(signer.verify(withRawSecret)).isEmpty();
    }

    @Test
    void malformedTokensAreInvalidNotErrors() {
        for (String bad : new String[]{null, "", "pst_", "pst_.", "pst_!!!.???", "prly_abc.def", "pst_AAAA.AAAA",
                "pst_" + "A".repeat(300) + ".x"}) {
            assertThat(signer.verify(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
