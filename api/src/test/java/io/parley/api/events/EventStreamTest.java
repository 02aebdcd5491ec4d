package io.parley.api.events;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.EventStream;
import io.parley.api.testing.EventStream.Frame;
import io.parley.core.events.TenantEvents;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class EventStreamTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    TenantScope scope;
    @Inject
    TenantEvents tenantEvents;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.events.keep-alive", "300ms");
    }

    @Test
    void eachTenantReceivesOnlyItsOwnEvents() throws Exception {
        Session a = api().signup("Stream A");
        Session b = api().signup("Stream B");
        String keyB = api().post("/api/v1/api-keys", b.accessToken(), Map.of("name", "b", "role", "viewer"))
                .string("key");

        try (EventStream streamA = stream(a.accessToken()); EventStream streamB = stream(keyB)) {
            publish(b.tenantId(), "message.created", Map.of("conversationId", "conversation-of-b"));
            publish(a.tenantId(), "conversation.takeover", Map.of("conversationId", "conversation-of-a"));

            Frame toA = streamA.nextEvent(WAIT);
            Frame toB = streamB.nextEvent(WAIT);

            assertThat(toA.event()).isEqualTo("conversation.takeover");
            assertThat(json.readValue(toA.data(), Map.class)).isEqualTo(Map.of("conversationId", "conversation-of-a"));
            assertThat(toA.id()).isNotBlank();
            assertThat(toB.event()).isEqualTo("message.created");
            assertThat(toB.data()).contains("conversation-of-b").doesNotContain("conversation-of-a");
            assertThat(streamA.nextEvent(Duration.ofMillis(700))).isNull();
            assertThat(streamB.nextEvent(Duration.ofMillis(700))).isNull();
        }
    }

    @Test
    void aBrowserOpensTheStreamWithATicketInsteadOfAHeader() throws Exception {
        Session owner = api().signup("Ticket Co");
        Reply ticket = api().post("/api/v1/events/ticket", owner.accessToken(), Map.of());

        assertThat(ticket.status()).as(ticket.text()).isEqualTo(200);
        assertThat(ticket.string("url")).isEqualTo("/api/v1/events?ticket=" + ticket.string("ticket"));
        try (EventStream stream = EventStream.open(URI.create(server.getURL() + ticket.string("url")), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("Cache-Control")).isEqualTo("no-store");
            stream.awaitConnected();
            publish(owner.tenantId(), "conversation.read", Map.of("conversationId", "c1"));

            assertThat(stream.nextEvent(WAIT).event()).isEqualTo("conversation.read");
        }
    }

    @Test
    void aTicketOpensNothingButTheStreamAndTheStreamTakesNoAccessTokenFromTheUrl() {
        Session owner = api().signup("Ticket Misuse Co");
        String ticket = api().post("/api/v1/events/ticket", owner.accessToken(), Map.of()).string("ticket");

        assertThat(api().get("/api/v1/conversations", ticket).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/events/ticket", ticket, Map.of()).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/me", ticket).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/events?ticket=" + owner.accessToken(), null).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/events?ticket=" + ticket.substring(0, ticket.length() - 2) + "xx", null)
                .status()).isEqualTo(401);
        assertThat(api().get("/api/v1/events", null).status()).isEqualTo(401);
    }

    @Test
    void apiKeysUseTheirHeaderNotTickets() {
        Session owner = api().signup("Key Stream Co");
        String key = api().post("/api/v1/api-keys", owner.accessToken(), Map.of("name", "k", "role", "admin"))
                .string("key");

        Reply refused = api().post("/api/v1/events/ticket", key, Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.string("detail")).contains("not an API key");
    }

    @Test
    void anIdleStreamGetsKeepAliveComments() {
        Session owner = api().signup("Idle Co");

        try (EventStream stream = stream(owner.accessToken())) {
            Frame frame = stream.next(WAIT);

            assertThat(frame.event()).isNull();
            assertThat(frame.comments()).containsExactly("keep-alive");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStreamIsDocumentedAsTextEventStream() {
        Map<String, Object> spec = new Yaml().load(api().get("/openapi/parley-api.yml", null).text());
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        Map<String, Object> stream = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/events")).get("get");
        Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) stream.get("responses")).get("200");

        assertThat((Map<String, Object>) ok.get("content")).containsOnlyKeys("text/event-stream");
        assertThat(stream.get("parameters").toString()).contains("ticket");
        assertThat(paths).containsKey("/api/v1/events/ticket");
    }

    private EventStream stream(String credential) {
        return EventStream.open(URI.create(server.getURL() + "/api/v1/events"), credential).awaitConnected();
    }

    private void publish(String tenantId, String type, Map<String, ?> data) {
        TenantId tenant = TenantId.parse(tenantId).orElseThrow();
        scope.writeVoid(tenant, () -> tenantEvents.publish(tenant, type, data));
    }
}
