package io.parley.worker.ingress.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.contact.ContactRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.tenancy.Ids;
import io.parley.worker.outbound.web.WebChatSender;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.SseReader;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed-in end users on web chat: identities signed by the host site with the channel's secret (HMAC of the user
 * id or an HS256 JWT), refused or ignored when bad, one contact across devices, an anonymous session merged.
 */
@MicronautTest(transactional = false)
class WebIdentityTest extends WorkerTest {

    static final String SECRET = "pis_identity-test-secret-0123456789abcdefghijk";
    private static final String REQUIRED = "{\"requireIdentity\": true}";

    @Inject
    ContactRepository contacts;
    @Inject
    ConversationRepository conversations;
    @Inject
    MessageRepository messages;
    @Inject
    WebChatSender sender;

    @Test
    void aMatchingUserHashMakesTheSessionSpeakAsTheUser() {
        Channels.Created web = channels().web(SECRET, REQUIRED);

        Reply reply = send(web, WebChatTest.session(), Map.of("userId", "u-42", "userHash", hash(SECRET, "u-42")));

        assertThat(reply.status()).isEqualTo(202);
        assertThat((String) rows().events(web.id()).getFirst().get("payload"))
                .contains("\"externalUserId\": \"user:u-42\"");
    }

    @Test
    void aForgedMissingOrExpiredIdentityIsRefusedWhenTheChannelRequiresOne() {
        Channels.Created web = channels().web(SECRET, REQUIRED);

        Reply forgedHash = send(web, WebChatTest.session(), Map.of("userId", "u-42", "userHash", hash("wrong", "u-42")));
        Reply forgedToken = send(web, WebChatTest.session(), Map.of("token", token("another-secret-".repeat(3),
                "u-42", Instant.now().plus(Duration.ofMinutes(5)))));
        Reply expired = send(web, WebChatTest.session(), Map.of("token", token(SECRET, "u-42",
                Instant.now().minus(Duration.ofMinutes(10)))));
        Reply tooLong = send(web, WebChatTest.session(), Map.of("token", token(SECRET, "u-42",
                Instant.now().plus(Duration.ofHours(5)))));
        Reply missing = send(web, WebChatTest.session(), null);

        for (Reply reply : List.of(forgedHash, forgedToken, expired, tooLong, missing)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(expired.string("detail")).contains("expired");
        assertThat(tooLong.string("detail")).contains("within an hour");
        assertThat(rows().events(web.id())).isEmpty();
    }

    @Test
    void aStreamWithoutIdentityIsRefusedWhenTheChannelRequiresOne() {
        Channels.Created web = channels().web(SECRET, REQUIRED);

        Reply stream = http().get("chat/" + web.widgetKey() + "/sessions/" + WebChatTest.session() + "/stream", Map.of());

        assertThat(stream.status()).isEqualTo(401);
    }

    @Test
    void aBadIdentityIsIgnoredWhenIdentityIsOptionalAndTheChatStaysAnonymous() {
        Channels.Created web = channels().web(SECRET, "{}");
        String session = WebChatTest.session();

        Reply reply = send(web, session, Map.of("userId", "u-42", "userHash", hash("wrong", "u-42")));

        assertThat(reply.status()).isEqualTo(202);
        assertThat((String) rows().events(web.id()).getFirst().get("payload"))
                .contains("\"externalUserId\": \"" + session + "\"");
    }

    @Test
    void aTokensNameEmailAndAttributesBecomeTheContactsAndTwoDevicesAreOneContact() {
        Channels.Created web = channels().web(SECRET, REQUIRED);
        String laptop = WebChatTest.session();
        String phone = WebChatTest.session();

        Reply fromLaptop = send(web, laptop, Map.of("token", token(SECRET, "u-7", Instant.now().plusSeconds(600))));
        Reply fromPhone = send(web, phone, Map.of("userId", "u-7", "userHash", hash(SECRET, "u-7")));

        assertThat(fromLaptop.status()).isEqualTo(202);
        assertThat(fromPhone.status()).isEqualTo(202);
        List<Map<String, Object>> identities = rows().query("SELECT contact_id, external_user_id FROM "
                + "contact_identities WHERE channel_id = ?", web.id());
        assertThat(identities).singleElement().satisfies(row ->
                assertThat(row.get("external_user_id")).isEqualTo("user:u-7"));
        assertThat(rows().query("SELECT display_name, CAST(attributes AS text) AS attributes FROM contacts "
                + "WHERE id = ?", identities.getFirst().get("contact_id"))).singleElement().satisfies(contact -> {
            assertThat(contact.get("display_name")).isEqualTo("Mei Lin");
            assertThat((String) contact.get("attributes")).contains("\"email\": \"mei@example.com\"")
                    .contains("\"name\": \"Mei Lin\"").contains("\"school\": \"North High\"");
        });
        assertThat(rows().events(web.id())).allSatisfy(event ->
                assertThat((String) event.get("payload")).contains("\"externalUserId\": \"user:u-7\""));
    }

    @Test
    void aReplyToTheUserReachesTheStreamsOfBothDevices() throws Exception {
        Channels.Created web = channels().web(SECRET, REQUIRED);
        String query = "?userId=u-8&userHash=" + hash(SECRET, "u-8");
        send(web, WebChatTest.session(), Map.of("userId", "u-8", "userHash", hash(SECRET, "u-8")));
        UUID conversation = conversation(web, "user:u-8");
        UUID reply = Ids.next();
        scope.writeVoid(web.tenant(), () -> messages.insert(web.tenant().value(), reply, conversation, "outbound",
                "bot", null, "text", "Hello on every device", "{}", null, "queued"));

        try (SseReader laptop = stream(web, WebChatTest.session(), query);
             SseReader phone = stream(web, WebChatTest.session(), query)) {
            scope.writeVoid(web.tenant(), () -> sender.deliver(web.tenant(), web.id(), "user:u-8", List.of(reply)));

            assertThat(laptop.next(Duration.ofSeconds(10))).isNotNull()
                    .satisfies(event -> assertThat(event.id()).isEqualTo(reply.toString()));
            assertThat(phone.next(Duration.ofSeconds(10))).isNotNull()
                    .satisfies(event -> assertThat(event.id()).isEqualTo(reply.toString()));
        }
    }

    @Test
    void signingInMergesTheAnonymousSessionsConversationIntoTheUsersContact() {
        Channels.Created web = channels().web(SECRET, "{}");
        String session = WebChatTest.session();
        UUID anonymousConversation = conversation(web, session);
        rows().query("UPDATE contacts SET attributes = '{\"mood\": \"calm\"}' WHERE id = (SELECT contact_id FROM "
                + "conversations WHERE id = ?) RETURNING id", anonymousConversation);
        UUID earlier = Ids.next();
        scope.writeVoid(web.tenant(), () -> messages.insert(web.tenant().value(), earlier, anonymousConversation,
                "inbound", "contact", null, "text", "Hello before signing in", "{}", null, "received"));

        Reply signedIn = send(web, session, Map.of("userId", "u-9", "userHash", hash(SECRET, "u-9")));

        assertThat(signedIn.status()).isEqualTo(202);
        List<Map<String, Object>> identity = rows().query("SELECT contact_id, external_user_id FROM contact_identities "
                + "WHERE channel_id = ?", web.id());
        assertThat(identity).singleElement().satisfies(row -> assertThat(row.get("external_user_id")).isEqualTo("user:u-9"));
        Object user = identity.getFirst().get("contact_id");
        assertThat(rows().query("SELECT contact_id FROM conversations WHERE id = ?", anonymousConversation))
                .singleElement().satisfies(row -> assertThat(row.get("contact_id")).isEqualTo(user));
        assertThat(rows().query("SELECT CAST(attributes AS text) AS attributes FROM contacts WHERE id = ?", user))
                .singleElement().satisfies(row -> assertThat((String) row.get("attributes")).contains("calm"));
    }

    @Test
    void whenTheUserAlreadyHasAConversationTheAnonymousMessagesMoveIntoIt() {
        Channels.Created web = channels().web(SECRET, "{}");
        String session = WebChatTest.session();
        UUID userConversation = conversation(web, "user:u-10");
        UUID anonymousConversation = conversation(web, session);
        UUID earlier = Ids.next();
        scope.writeVoid(web.tenant(), () -> messages.insert(web.tenant().value(), earlier, anonymousConversation,
                "inbound", "contact", null, "text", "Hello from the phone", "{}", null, "received"));

        send(web, session, Map.of("userId", "u-10", "userHash", hash(SECRET, "u-10")));

        assertThat(rows().query("SELECT conversation_id FROM messages WHERE id = ?", earlier)).singleElement()
                .satisfies(row -> assertThat(row.get("conversation_id")).isEqualTo(userConversation));
        assertThat(rows().query("SELECT id FROM contact_identities WHERE channel_id = ? AND external_user_id = ?",
                web.id(), session)).isEmpty();
    }

    private SseReader stream(Channels.Created web, String session, String query) throws Exception {
        return SseReader.open(http().client(), http().uri("chat/" + web.widgetKey() + "/sessions/" + session
                + "/stream" + query), Map.of());
    }

    private UUID conversation(Channels.Created web, String externalUserId) {
        return scope.write(web.tenant(), () -> {
            UUID contact = contacts.upsertByIdentity(web.tenant().value(), web.id(), externalUserId, null, null)
                    .contact().id();
            return conversations.upsert(web.tenant().value(), Ids.next(), web.bot(), web.id(), contact).id();
        });
    }

    static String hash(String secret, String userId) {
        return HexFormat.of().formatHex(WebIdentityVerifier.hmac(secret, userId));
    }

    static String token(String secret, String userId, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId).expirationTime(Date.from(expires))
                    .claim("name", "Mei Lin").claim("email", "mei@example.com")
                    .claim("attributes", Map.of("school", "North High", "grade", 11)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply send(Channels.Created web, String session, Map<String, String> identity) {
        Map<String, Object> body = new HashMap<>(Map.of("sessionId", session,
                "clientMessageId", "m-" + UUID.randomUUID().toString().substring(0, 12), "text", "Hi"));
        if (identity != null) {
            body.put("identity", identity);
        }
        try {
            return http().post("chat/" + web.widgetKey() + "/messages", json.writeValueAsString(body), Map.of());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
