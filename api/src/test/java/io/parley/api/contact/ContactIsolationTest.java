package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.core.contact.SetupLinkSigner;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant A, with a JWT or an API key, calling with tenant B's contact ids and setup tokens. */
@MicronautTest(transactional = false)
class ContactIsolationTest extends ContactTest {

    @Inject
    SetupLinkSigner signer;

    private Session ownerA;
    private String keyA;
    private String contactA;
    private Session ownerB;
    private UUID channelB;
    private String contactB;

    @BeforeAll
    void twoTenantsWithContacts() {
        ownerA = api().signup("Contacts A");
        keyA = api().post("/api/v1/api-keys", ownerA.accessToken(), Map.of("name", "a", "role", "admin")).string("key");
        contactA = contact(ownerA.tenantId(), webChannel(ownerA.tenantId()), "shared-user-id", "Alice of A");
        ownerB = api().signup("Contacts B");
        channelB = webChannel(ownerB.tenantId());
        contactB = contact(ownerB.tenantId(), channelB, "shared-user-id", "Bob of B");
    }

    @Test
    void anotherTenantsContactIsNotFoundOnEveryEndpoint() {
        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertNotFound(api().get("/api/v1/contacts/" + contactB, credential));
            assertNotFound(api().patch("/api/v1/contacts/" + contactB, credential, Map.of("blocked", true)));
            assertNotFound(api().post("/api/v1/contacts/" + contactB + "/setup-link", credential, Map.of()));
        }
        Reply b = api().get("/api/v1/contacts/" + contactB, ownerB.accessToken());
        assertThat(b.at("blocked")).isEqualTo(false);
        assertThat(b.string("displayName")).isEqualTo("Bob of B");
    }

    @Test
    void listsNeverShowAnotherTenantsContacts() {
        for (String credential : new String[]{ownerA.accessToken(), keyA}) {
            assertThat(api().get("/api/v1/contacts", credential).items()).extracting(c -> c.get("id"))
                    .containsExactly(contactA);
            assertThat(api().get("/api/v1/contacts?q=shared-user", credential).items()).extracting(c -> c.get("id"))
                    .containsExactly(contactA);
            assertThat(api().get("/api/v1/contacts?channelId=" + channelB, credential).items()).isEmpty();
        }
    }

    @Test
    void aTokenForTenantACannotReachTenantB() {
        String tokenA = api().post("/api/v1/contacts/" + contactA + "/setup-link", ownerA.accessToken(), Map.of())
                .string("token");
        // Tenant A's valid MAC over a payload rewritten to name tenant B and B's contact.
        String rewritten = withPayload(tokenA, UUID.fromString(ownerB.tenantId()), UUID.fromString(contactB));
        // A correctly signed token naming tenant A but B's contact id: the lookup runs in A's scope only.
        String confused = signer.sign(tenant(ownerA.tenantId()), UUID.fromString(contactB), Instant.now().plusSeconds(600));

        for (String token : new String[]{rewritten, confused}) {
            Reply viewed = api().get("/api/v1/public/setup/" + token, null);
            assertThat(viewed.status()).as(viewed.text()).isEqualTo(401);
            assertThat(viewed.text()).doesNotContain("Bob of B");
            assertThat(api().post("/api/v1/public/setup/" + token, null, Map.of("personaOverride", "x")).status())
                    .isEqualTo(401);
        }
        assertThat(api().get("/api/v1/contacts/" + contactB, ownerB.accessToken()).at("personaOverride")).isNull();
        assertThat(api().get("/api/v1/public/setup/" + tokenA, null).string("contact.displayName"))
                .isEqualTo("Alice of A");
    }

    private static String withPayload(String token, UUID tenant, UUID contact) {
        int dot = token.indexOf('.');
        byte[] original = Base64.getUrlDecoder().decode(token.substring(SetupLinkSigner.PREFIX.length(), dot));
        ByteBuffer payload = ByteBuffer.allocate(original.length)
                .putLong(tenant.getMostSignificantBits()).putLong(tenant.getLeastSignificantBits())
                .putLong(contact.getMostSignificantBits()).putLong(contact.getLeastSignificantBits())
                .put(original, 32, original.length - 32);
        return SetupLinkSigner.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array())
                + token.substring(dot);
    }

    private static void assertNotFound(Reply reply) {
        assertProblem(reply, 404, "not-found");
    }
}
