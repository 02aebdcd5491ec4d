package io.parley.api.broadcast;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.bot.BotRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class BroadcastApiTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;

    private Session owner;
    private UUID line;
    private UUID whatsapp;
    private UUID web;
    private String everyone;

    @BeforeAll
    void audience() throws SQLException {
        owner = api().signup("Broadcast Co");
        TestChannels channels = new TestChannels(scope, bots, dataSource);
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        line = channels.channel(tenant, "line");
        whatsapp = channels.channel(tenant, "whatsapp");
        web = channels.channel(tenant, "web");
        contact(line, "U00000000000000000000000000000001", "Mei");
        contact(line, "U00000000000000000000000000000002", "Kai");
        String ana = contact(whatsapp, "+886900000001", "Ana");
        contact(whatsapp, "+886900000002", "Bo");
        api().post("/api/v1/contacts/" + ana + "/opt-out", owner.accessToken(), Map.of());
        everyone = api().post("/api/v1/segments", owner.accessToken(), Map.of("name", "All",
                "definition", Map.of())).string("id");
    }

    @Test
    void sendingPlansOneRecipientPerReachableContactAndLeavesOptedOutOnesOutCounted() {
        String id = create(List.of(line.toString(), whatsapp.toString()), text("Hi {{contact.displayName}}"));

        Reply sent = api().post("/api/v1/broadcasts/" + id + "/send", owner.accessToken(), Map.of());

        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.string("state")).isEqualTo("scheduled");
        assertThat(sent.at("stats.planned")).isEqualTo(3);
        assertThat(sent.at("stats.optedOut")).isEqualTo(1);
        assertThat(sent.at("stats.byStatus.queued")).isEqualTo(3);
        Reply recipients = api().get("/api/v1/broadcasts/" + id + "/recipients?status=queued&limit=2",
                owner.accessToken());
        assertThat(recipients.items()).hasSize(2);
        Reply rest = api().get("/api/v1/broadcasts/" + id + "/recipients?status=queued&limit=2&cursor="
                + recipients.string("nextCursor"), owner.accessToken());
        assertThat(rest.items()).hasSize(1);
        assertThat(rest.items().getFirst().get("externalUserId")).isNotEqualTo("886900000001");
        assertThat(api().post("/api/v1/broadcasts/" + id + "/send", owner.accessToken(), Map.of()).status())
                .isEqualTo(409);
    }

    @Test
    void pauseResumeAndCancelMoveTheStateOnlyFromWhereTheyMay() {
        String id = create(List.of(line.toString()), text("Later"));
        assertThat(api().post("/api/v1/broadcasts/" + id + "/pause", owner.accessToken(), Map.of()).status())
                .isEqualTo(409); // a draft is not running
        api().post("/api/v1/broadcasts/" + id + "/send", owner.accessToken(),
                Map.of("scheduledAt", Instant.now().plusSeconds(3600).toString()));

        assertThat(api().post("/api/v1/broadcasts/" + id + "/pause", owner.accessToken(), Map.of()).string("state"))
                .isEqualTo("paused");
        assertThat(api().post("/api/v1/broadcasts/" + id + "/resume", owner.accessToken(), Map.of())
                .string("state")).isEqualTo("scheduled"); // not due yet
        Reply cancelled = api().post("/api/v1/broadcasts/" + id + "/cancel", owner.accessToken(), Map.of());
        assertThat(cancelled.string("state")).isEqualTo("cancelled");
        assertThat(cancelled.at("stats.byStatus.cancelled")).isEqualTo(2);
        assertThat(api().post("/api/v1/broadcasts/" + id + "/resume", owner.accessToken(), Map.of()).status())
                .isEqualTo(409);
    }

    @Test
    void messagesAreCheckedAgainstTheChannels() {
        Reply twoParts = api().post("/api/v1/broadcasts", owner.accessToken(), Map.of("name", "x", "segmentId",
                everyone, "channelIds", List.of(whatsapp.toString()), "message", Map.of("parts",
                        List.of(Map.of("type", "text", "text", "a"), Map.of("type", "text", "text", "b")))));
        assertThat(twoParts.status()).isEqualTo(400);
        assertThat(twoParts.string("errors.0.field")).isEqualTo("message.parts");
        Reply template = api().post("/api/v1/broadcasts", owner.accessToken(), Map.of("name", "x", "segmentId",
                everyone, "channelIds", List.of(line.toString()), "message", Map.of("parts",
                        List.of(Map.of("type", "text", "text", "a")), "template", Map.of("name", "t", "language",
                                "en"))));
        assertThat(template.string("errors.0.field")).isEqualTo("message.template");
        Reply webChat = api().post("/api/v1/broadcasts", owner.accessToken(), Map.of("name", "x", "segmentId",
                everyone, "channelIds", List.of(web.toString()), "message", text("a")));
        assertThat(webChat.string("errors.0.field")).isEqualTo("channelIds[0]");
        assertThat(api().post("/api/v1/broadcasts", owner.accessToken(), Map.of("name", "x", "segmentId", everyone,
                "channelIds", List.of(line.toString()), "message", text("a"), "colour", "red")).status())
                .isEqualTo(400);
    }

    @Test
    void theMonthlyRecipientQuotaOfThePlanRefusesASendThatWouldExceedIt() throws SQLException {
        String plan = planOf();
        sql("UPDATE plans SET max_broadcast_recipients_per_month = 1 WHERE id = '" + plan + "'");
        try {
            String id = create(List.of(line.toString()), text("Too many"));

            Reply refused = api().post("/api/v1/broadcasts/" + id + "/send", owner.accessToken(), Map.of());

            assertThat(refused.status()).as(refused.text()).isEqualTo(402);
            assertThat(refused.string("errors.0.field")).isEqualTo("plan.maxBroadcastRecipientsPerMonth");
            Reply still = api().get("/api/v1/broadcasts/" + id, owner.accessToken());
            assertThat(still.string("state")).isEqualTo("draft");
            assertThat(still.at("stats.planned")).isEqualTo(0);
        } finally {
            sql("UPDATE plans SET max_broadcast_recipients_per_month = NULL WHERE id = '" + plan + "'");
        }
    }

    @Test
    void adminsRunBroadcastsEveryoneReadsThemAndOtherTenantsGet404() {
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Session stranger = api().signup("Broadcast Stranger Co");
        String id = create(List.of(line.toString()), text("Mine"));

        assertThat(api().post("/api/v1/broadcasts", agent.accessToken(), Map.of("name", "No", "segmentId", everyone,
                "channelIds", List.of(line.toString()), "message", text("a"))).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/broadcasts/" + id + "/send", viewer.accessToken(), Map.of()).status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/broadcasts/" + id, viewer.accessToken()).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/broadcasts/" + id + "/recipients", viewer.accessToken()).status())
                .isEqualTo(200);
        for (String action : List.of("send", "pause", "resume", "cancel", "retry-failed")) {
            Reply reply = api().post("/api/v1/broadcasts/" + id + "/" + action, stranger.accessToken(), Map.of());
            assertThat(reply.status()).as(action + ": " + reply.text()).isEqualTo(404);
        }
        assertThat(api().get("/api/v1/broadcasts/" + id, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/broadcasts/" + id + "/recipients", stranger.accessToken()).status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/broadcasts", stranger.accessToken()).items()).isEmpty();
        assertThat(api().post("/api/v1/broadcasts", stranger.accessToken(), Map.of("name", "x", "segmentId", everyone,
                "channelIds", List.of(line.toString()), "message", text("a"))).status()).isEqualTo(404);
    }

    @Test
    void theUsageLedgerCountsRecipientsMessagedInThePeriodPerChannel() throws SQLException {
        Session own = api().signup("Broadcast Ledger Co");
        TenantId tenant = TenantId.parse(own.tenantId()).orElseThrow();
        UUID channel = new TestChannels(scope, bots, dataSource).channel(tenant, "telegram");
        String contact = api().post("/api/v1/contacts", own.accessToken(), Map.of("channelId", channel.toString(),
                "externalUserId", "777", "displayName", "T")).string("id");
        UUID broadcast = UUID.randomUUID();
        sql("INSERT INTO broadcasts (tenant_id, id, name, channel_ids, message, state) VALUES ('" + tenant.value()
                + "', '" + broadcast + "', 'Ledger', ARRAY['" + channel + "']::uuid[], '{\"parts\":[]}', 'completed')");
        sql("INSERT INTO broadcast_recipients (tenant_id, broadcast_id, contact_id, channel_id, external_user_id,"
                + " status, sent_at) VALUES ('" + tenant.value() + "', '" + broadcast + "', '" + contact + "', '"
                + channel + "', '777', 'sent', now())");

        Reply ledger = api().get("/api/v1/billing/usage", own.accessToken());

        assertThat(ledger.at("totals.broadcastRecipients")).as(ledger.text()).isEqualTo(1);
    }

    private String create(List<String> channels, Map<String, Object> message) {
        Reply reply = api().post("/api/v1/broadcasts", owner.accessToken(), Map.of("name", "Sale", "segmentId",
                everyone, "channelIds", channels, "message", message));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.string("state")).isEqualTo("draft");
        return reply.string("id");
    }

    private static Map<String, Object> text(String text) {
        return Map.of("parts", List.of(Map.of("type", "text", "text", text)));
    }

    private String contact(UUID channel, String user, String name) {
        Reply reply = api().post("/api/v1/contacts", owner.accessToken(), Map.of("channelId", channel.toString(),
                "externalUserId", user, "displayName", name));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.string("id");
    }

    private String planOf() throws SQLException {
        try (Connection connection = io.parley.core.testing.TestDatabase.shared().openSuperuserConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT tenant_plan_id('" + owner.tenantId() + "')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = io.parley.core.testing.TestDatabase.shared().openSuperuserConnection();
             Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
