package io.parley.api.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.webpush.PushEncryption;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/push: the VAPID public key and a member's own browser subscriptions, per workspace. */
@MicronautTest(transactional = false)
class PushApiTest extends ApiTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void theVapidPublicKeyIsAP256PointAndTheSameForEveryMember() {
        Session owner = api().signup("Push Key Co");
        Session other = api().signup("Other Push Key Co");

        Reply key = api().get("/api/v1/push/public-key", owner.accessToken());

        assertThat(key.status()).isEqualTo(200);
        byte[] point = Base64.getUrlDecoder().decode(key.string("publicKey"));
        assertThat(point).hasSize(65);
        assertThat(PushEncryption.publicKey(point)).isNotNull();
        assertThat(key.body()).containsOnlyKeys("publicKey");
        assertThat(api().get("/api/v1/push/public-key", other.accessToken()).string("publicKey"))
                .isEqualTo(key.string("publicKey"));
    }

    @Test
    void aMemberSubscribesABrowserListsItAndUnsubscribes() {
        Session owner = api().signup("Push Sub Co");
        Map<String, Object> browser = browser("https://push.example/send/one");

        Reply created = api().post("/api/v1/push/subscriptions", owner.accessToken(), browser);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).containsEntry("endpoint", "https://push.example/send/one")
                .containsOnlyKeys("id", "endpoint", "createdAt", "updatedAt");
        String id = created.string("id");
        Reply again = api().post("/api/v1/push/subscriptions", owner.accessToken(),
                browser("https://push.example/send/one"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.string("id")).isEqualTo(id);
        assertThat(api().get("/api/v1/push/subscriptions", owner.accessToken()).items())
                .extracting(item -> item.get("id")).containsExactly(id);

        assertThat(api().delete("/api/v1/push/subscriptions/" + id, owner.accessToken()).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/push/subscriptions", owner.accessToken()).items()).isEmpty();
        assertThat(api().delete("/api/v1/push/subscriptions/" + id, owner.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void anotherMembersOrWorkspacesSubscriptionIsNotFound() {
        Session owner = api().signup("Push Owner Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Session stranger = api().signup("Push Stranger Co");
        String id = api().post("/api/v1/push/subscriptions", owner.accessToken(),
                browser("https://push.example/send/owner")).string("id");

        Reply byAgent = api().delete("/api/v1/push/subscriptions/" + id, agent.accessToken());
        Reply byStranger = api().delete("/api/v1/push/subscriptions/" + id, stranger.accessToken());

        assertThat(byAgent.status()).isEqualTo(404);
        assertThat(byAgent.contentType()).startsWith("application/problem+json");
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(api().get("/api/v1/push/subscriptions", agent.accessToken()).items()).isEmpty();
        assertThat(api().get("/api/v1/push/subscriptions", stranger.accessToken()).items()).isEmpty();
        assertThat(api().get("/api/v1/push/subscriptions", owner.accessToken()).items()).hasSize(1);
    }

    @Test
    void aMemberOfTwoWorkspacesHasSeparateSubscriptionsInEach() {
        Session owner = api().signup("Push First Co");
        Session own = api().signup("Push Second Co");
        Session invited = join(owner, own);

        api().post("/api/v1/push/subscriptions", invited.accessToken(), browser("https://push.example/send/laptop"));
        Reply inOwn = api().post("/api/v1/push/subscriptions", own.accessToken(),
                browser("https://push.example/send/laptop"));

        assertThat(inOwn.status()).isEqualTo(201);
        assertThat(api().get("/api/v1/push/subscriptions", invited.accessToken()).items()).hasSize(1);
        assertThat(api().get("/api/v1/push/subscriptions", own.accessToken()).items()).hasSize(1);
        assertThat(api().delete("/api/v1/push/subscriptions/" + inOwn.string("id"), invited.accessToken()).status())
                .isEqualTo(404);
    }

    @Test
    void rejectsWhatNoBrowserWouldSend() {
        Session owner = api().signup("Push Bad Co");

        Reply http = api().post("/api/v1/push/subscriptions", owner.accessToken(), browser("http://push.example/x"));
        Map<String, Object> shortKey = browser("https://push.example/short");
        shortKey.put("keys", Map.of("p256dh", B64.encodeToString(new byte[33]), "auth", B64.encodeToString(new byte[16])));
        Map<String, Object> shortAuth = browser("https://push.example/auth");
        @SuppressWarnings("unchecked")
        Map<String, Object> keys = new HashMap<>((Map<String, Object>) shortAuth.get("keys"));
        keys.put("auth", B64.encodeToString(new byte[8]));
        shortAuth.put("keys", keys);
        Map<String, Object> unknown = browser("https://push.example/unknown");
        unknown.put("expirationTime", null);

        assertThat(http.status()).isEqualTo(400);
        assertThat(http.string("detail")).isEqualTo("endpoint: must be an https URL of at most 2048 characters");
        for (String local : new String[] {"https://127.0.0.1:8443/push", "https://[::1]/push", "https://localhost/x",
                "https://metadata.internal/x"}) {
            Reply refused = api().post("/api/v1/push/subscriptions", owner.accessToken(), browser(local));
            assertThat(refused.status()).as(local).isEqualTo(400);
            assertThat(refused.string("detail")).as(local)
                    .isEqualTo("endpoint: must be a push service's URL (a public host name)");
        }
        Reply badKey = api().post("/api/v1/push/subscriptions", owner.accessToken(), shortKey);
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.string("detail")).startsWith("keys.p256dh:");
        assertThat(api().post("/api/v1/push/subscriptions", owner.accessToken(), shortAuth).string("detail"))
                .startsWith("keys.auth:");
        Reply unknownField = api().post("/api/v1/push/subscriptions", owner.accessToken(), unknown);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/v1/push/subscriptions", owner.accessToken()).items()).isEmpty();
    }

    @Test
    void zhHantCallersReadTheProblemInTheirLanguage() {
        Session owner = api().signup("Push Zh Co");
        Map<String, Object> shortAuth = browser("https://push.example/zh");
        shortAuth.put("keys", Map.of("p256dh", ((Map<?, ?>) shortAuth.get("keys")).get("p256dh"),
                "auth", B64.encodeToString(new byte[8])));

        Reply reply = api().send("POST", "/api/v1/push/subscriptions", owner.accessToken(), shortAuth,
                Map.of("Accept-Language", "zh-Hant"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.string("detail")).isEqualTo("keys.auth: 必須是 16 位元組密鑰的 base64url 編碼");
    }

    @Test
    void apiKeysHaveNoBrowser() {
        Session owner = api().signup("Push Key Only Co");
        Reply key = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "ci", "role", "admin"));

        Reply list = api().send("GET", "/api/v1/push/subscriptions", null, null,
                Map.of("Authorization", "Bearer " + key.string("key")));

        assertThat(list.status()).isEqualTo(403);
    }

    /** The owner invites {@code own}'s account (which has its own workspace); its session in the owner's. */
    private Session join(Session owner, Session own) {
        Reply invitation = api().post("/api/v1/invitations", owner.accessToken(),
                Map.of("email", own.email(), "role", "agent"));
        api().post("/api/v1/invitations/accept", own.accessToken(), Map.of("token", invitation.string("token")));
        Reply switched = api().post("/api/v1/auth/switch-tenant", own.accessToken(),
                Map.of("tenantId", owner.tenantId()));
        return new Session(switched.string("accessToken"), switched.string("refreshToken"), owner.tenantId(),
                own.userId(), own.email());
    }

    /** What PushSubscription.toJSON() gives, without expirationTime. */
    private static Map<String, Object> browser(String endpoint) {
        KeyPair pair = PushEncryption.newKeyPair();
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        Map<String, Object> body = new HashMap<>();
        body.put("endpoint", endpoint);
        body.put("keys", Map.of("p256dh", B64.encodeToString(PushEncryption.uncompressed((ECPublicKey) pair.getPublic())),
                "auth", B64.encodeToString(auth)));
        return body;
    }
}
