package io.parley.api.broadcast;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.bot.BotRepository;
import io.parley.core.channel.SealedCredentials;
import io.parley.core.template.TemplateRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/broadcasts/estimate: recipients per channel after opt-outs, WhatsApp cost by template category ×
 * recipients from the configured prices, the LINE channel's quota left as a local fake LINE API answers it (the
 * quota and consumption endpoints of shared/protocols' LINE reference), and a LINE send beyond it refused.
 */
@MicronautTest(transactional = false)
class BroadcastEstimateTest extends ApiTest {

    private static final HttpServer LINE = fakeLine();
    /** The fake's quota for the next requests: {@code value} and {@code totalUsage}. */
    private static volatile long quotaLimit = 1000;
    private static volatile long quotaUsed = 0;

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    SealedCredentials sealed;
    @Inject
    TemplateRepository templates;

    private Session owner;
    private UUID line;
    private UUID whatsapp;
    private String everyone;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.providers.line-api-url", "http://127.0.0.1:" + LINE.getAddress().getPort(),
                "parley.broadcasts.whatsapp-prices.marketing", "0.5",
                "parley.broadcasts.whatsapp-prices.currency", "TWD");
    }

    @BeforeAll
    void audience() throws Exception {
        owner = api().signup("Estimate Co");
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        TestChannels channels = new TestChannels(scope, bots, dataSource);
        line = channels.channel(tenant, "line");
        whatsapp = channels.channel(tenant, "whatsapp");
        seal(tenant, line, Map.of("channelAccessToken", "line-token", "channelSecret", "s"));
        contact(line, "U00000000000000000000000000000001", "Mei");
        contact(line, "U00000000000000000000000000000002", "Kai");
        contact(line, "U00000000000000000000000000000003", "Lan");
        contact(whatsapp, "+886900000001", "Ana");
        String bo = contact(whatsapp, "+886900000002", "Bo");
        api().post("/api/v1/contacts/" + bo + "/opt-out", owner.accessToken(), Map.of());
        scope.writeVoid(tenant, () -> templates.upsert(tenant.value(), Ids.next(), whatsapp, null, "december_sale",
                "zh_TW", "MARKETING", "APPROVED", null, "[]", true));
        everyone = api().post("/api/v1/segments", owner.accessToken(), Map.of("name", "All",
                "definition", Map.of())).string("id");
    }

    @AfterAll
    void stopLine() {
        LINE.stop(0);
    }

    @Test
    void theEstimateGivesRecipientsPerChannelTheWhatsAppCostByCategoryAndTheLineQuotaLeft() {
        quotaLimit = 1000;
        quotaUsed = 990;

        Reply estimate = estimate(owner, everyone, List.of(line.toString(), whatsapp.toString()),
                Map.of("name", "december_sale", "language", "zh_TW"));

        assertThat(estimate.status()).as(estimate.text()).isEqualTo(200);
        assertThat(estimate.at("recipients")).isEqualTo(4);
        assertThat(estimate.at("optedOut")).isEqualTo(1);
        assertThat(estimate.at("channels.0.recipients")).isEqualTo(3);
        assertThat(estimate.at("channels.0.lineQuota.remaining")).isEqualTo(10);
        assertThat(estimate.at("channels.0.exceedsQuota")).isEqualTo(false);
        assertThat(estimate.at("channels.1.recipients")).isEqualTo(1);
        assertThat(estimate.at("channels.1.cost.category")).isEqualTo("marketing");
        assertThat(estimate.at("channels.1.cost.categoryAssumed")).isEqualTo(false);
        assertThat(estimate.at("channels.1.cost.currency")).isEqualTo("TWD");
        assertThat(String.valueOf(estimate.at("whatsappCost.amount"))).isEqualTo("0.5");
    }

    @Test
    void aLineBroadcastLargerThanTheQuotaLeftIsFlaggedAndItsSendRefusedWith409() {
        quotaLimit = 500;
        quotaUsed = 498;
        Reply estimate = estimate(owner, everyone, List.of(line.toString()), null);
        assertThat(estimate.at("channels.0.exceedsQuota")).isEqualTo(true);
        String id = api().post("/api/v1/broadcasts", owner.accessToken(), Map.of("name", "Too many",
                "segmentId", everyone, "channelIds", List.of(line.toString()),
                "message", Map.of("parts", List.of(Map.of("type", "text", "text", "Hi"))))).string("id");

        Reply sent = api().post("/api/v1/broadcasts/" + id + "/send", owner.accessToken(), Map.of());

        assertThat(sent.status()).as(sent.text()).isEqualTo(409);
        assertThat(sent.string("detail")).contains("2 messages left this month", "would send 3");
        assertThat(api().get("/api/v1/broadcasts/" + id, owner.accessToken()).string("state")).isEqualTo("draft");
        quotaLimit = 1000;
        quotaUsed = 0;
        assertThat(api().post("/api/v1/broadcasts/" + id + "/send", owner.accessToken(), Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void anotherTenantsSegmentOrChannelIs404AndAgentsGet403() {
        Session stranger = api().signup("Estimate Stranger Co");
        String theirs = api().post("/api/v1/segments", stranger.accessToken(), Map.of("name", "All",
                "definition", Map.of())).string("id");
        Session agent = new Teams(api()).addMember(owner, "agent");

        assertThat(estimate(stranger, everyone, List.of(line.toString()), null).status()).isEqualTo(404);
        assertThat(estimate(stranger, theirs, List.of(line.toString()), null).status()).isEqualTo(404);
        assertThat(estimate(agent, everyone, List.of(line.toString()), null).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/broadcasts/estimate", owner.accessToken(), Map.of("segmentId", everyone,
                "channelIds", List.of(line.toString()), "unknown", 1)).status()).isEqualTo(400);
    }

    private Reply estimate(Session session, String segment, List<String> channels, Map<String, String> template) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("segmentId", segment,
                "channelIds", channels));
        if (template != null) {
            body.put("template", template);
        }
        return api().post("/api/v1/broadcasts/estimate", session.accessToken(), body);
    }

    private String contact(UUID channel, String user, String name) {
        Reply reply = api().post("/api/v1/contacts", owner.accessToken(), Map.of("channelId", channel.toString(),
                "externalUserId", user, "displayName", name));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.string("id");
    }

    private void seal(TenantId tenant, UUID channel, Map<String, String> credentials) {
        scope.writeVoid(tenant, () -> {
            try {
                Connection connection = dataSource.getConnection(); // the scope's transaction: not closed here
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE channels SET credentials_sealed = ? WHERE tenant_id = ? AND id = ?");
                update.setString(1, sealed.seal(tenant.value(), channel, credentials));
                update.setObject(2, tenant.value());
                update.setObject(3, channel);
                update.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** LINE's quota endpoints, answering for the bearer token "line-token" only (else 401, as LINE does). */
    private static HttpServer fakeLine() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v2/bot/message/quota", BroadcastEstimateTest::quota);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void quota(HttpExchange exchange) throws IOException {
        boolean authorized = "Bearer line-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
        String body = !authorized ? "{\"message\":\"Authentication failed\"}"
                : exchange.getRequestURI().getPath().endsWith("/consumption")
                ? "{\"totalUsage\":" + quotaUsed + "}"
                : "{\"type\":\"limited\",\"value\":" + quotaLimit + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(authorized ? 200 : 401, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
