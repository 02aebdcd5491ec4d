package io.parley.api.segment;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import io.parley.core.bot.BotRepository;
import io.parley.core.contact.ContactRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class SegmentApiTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    ContactRepository contacts;

    private Session owner;
    private UUID line;
    private UUID whatsapp;
    private String mei;      // LINE, vip + taipei, premium, city Taipei, active today
    private String kai;      // LINE, taipei, free, city Tainan, quiet for 40 days, unfollowed
    private String ana;      // WhatsApp, vip, premium, no city, never wrote (created 40 days ago), opted out
    private String blocked;  // WhatsApp, vip, blocked

    @BeforeAll
    void audience() throws SQLException {
        owner = api().signup("Segment Co");
        TestChannels channels = new TestChannels(scope, bots, dataSource);
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        line = channels.channel(tenant, "line");
        whatsapp = channels.channel(tenant, "whatsapp");
        mei = create(line, "U00000000000000000000000000000001", List.of("vip", "taipei"), "premium",
                Map.of("city", "Taipei"));
        kai = create(line, "U00000000000000000000000000000002", List.of("taipei"), "free", Map.of("city", "Tainan"));
        ana = create(whatsapp, "+886900000001", List.of("vip"), "premium", Map.of());
        blocked = create(whatsapp, "+886900000002", List.of("vip"), "free", Map.of());
        api().patch("/api/v1/contacts/" + blocked, owner.accessToken(), Map.of("blocked", true));
        api().post("/api/v1/contacts/" + ana + "/opt-out", owner.accessToken(), Map.of());
        scope.writeVoid(tenant, () -> contacts.setFollowing(tenant.value(), line, "U00000000000000000000000000000002",
                false));
        sql("UPDATE contacts SET last_seen_at = now() WHERE id = '" + mei + "'");
        sql("UPDATE contacts SET last_seen_at = now() - interval '40 days' WHERE id = '" + kai + "'");
        sql("UPDATE contacts SET created_at = now() - interval '40 days' WHERE id = '" + ana + "'");
    }

    @Test
    void tagsMatchAnyAllAndNone() {
        assertThat(matching(Map.of("tags", Map.of("any", List.of("vip", "nobody"))))).containsExactly(ana, mei);
        assertThat(matching(Map.of("tags", Map.of("all", List.of("vip", "taipei"))))).containsExactly(mei);
        assertThat(matching(Map.of("tags", Map.of("none", List.of("vip"))))).containsExactly(kai);
    }

    @Test
    void tiersAttributesAndChannelsNarrowIt() {
        assertThat(matching(Map.of("tiers", List.of("premium")))).containsExactly(ana, mei);
        assertThat(matching(Map.of("attributes", List.of(Map.of("key", "city", "op", "equals", "value", "Taipei")))))
                .containsExactly(mei);
        assertThat(matching(Map.of("attributes", List.of(Map.of("key", "city", "op", "notEquals",
                "value", "Taipei"))))).containsExactly(ana, kai);
        assertThat(matching(Map.of("attributes", List.of(Map.of("key", "city", "op", "exists")))))
                .containsExactly(kai, mei);
        assertThat(matching(Map.of("attributes", List.of(Map.of("key", "city", "op", "missing")))))
                .containsExactly(ana);
        assertThat(matching(Map.of("channelTypes", List.of("whatsapp")))).containsExactly(ana);
        assertThat(matching(Map.of("channelIds", List.of(line.toString()), "tiers", List.of("premium"))))
                .containsExactly(mei);
    }

    @Test
    void activityFollowingAndCreationTimeNarrowIt() {
        assertThat(matching(Map.of("lastActiveWithinDays", 7))).containsExactly(mei);
        assertThat(matching(Map.of("inactiveForDays", 30))).containsExactly(ana, kai);
        assertThat(matching(Map.of("following", false))).containsExactly(kai);
        assertThat(matching(Map.of("following", true, "channelTypes", List.of("line")))).containsExactly(mei);
        assertThat(matching(Map.of("createdBefore", java.time.Instant.now().minusSeconds(86400 * 30).toString())))
                .containsExactly(ana);
    }

    @Test
    void theCountLeavesOutBlockedContactsAndReachableAlsoUnfollowedAndOptedOutOnes() {
        Reply preview = preview(Map.of());

        assertThat(preview.at("matching")).isEqualTo(3);
        assertThat(preview.at("reachable")).isEqualTo(1); // kai unfollowed, ana opted out, blocked never counts
        assertThat(preview.at("sample.0.id")).isEqualTo(ana);
        assertThat(preview.at("sample.2.tags")).isEqualTo(List.of("vip", "taipei"));
    }

    @Test
    void aSavedSegmentIsCountedLiveAndChangedByMergePatch() {
        Reply created = api().post("/api/v1/segments", owner.accessToken(),
                Map.of("name", "VIPs", "definition", Map.of("tags", Map.of("any", List.of("vip")))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.string("id");
        assertThat(created.at("definition.tags.any")).isEqualTo(List.of("vip"));
        assertThat(api().get("/api/v1/segments/" + id + "/preview", owner.accessToken()).at("matching")).isEqualTo(2);

        Reply renamed = api().patch("/api/v1/segments/" + id, owner.accessToken(), Map.of("name", "Premium"));
        assertThat(renamed.at("definition.tags.any")).isEqualTo(List.of("vip"));
        api().patch("/api/v1/segments/" + id, owner.accessToken(),
                Map.of("definition", Map.of("tiers", List.of("premium"), "channelTypes", List.of("line"))));
        Reply read = api().get("/api/v1/segments/" + id, owner.accessToken());
        assertThat(read.string("name")).isEqualTo("Premium");
        assertThat(read.at("definition.tags")).isNull();
        assertThat(api().get("/api/v1/segments/" + id + "/preview", owner.accessToken()).at("matching")).isEqualTo(1);
        assertThat(api().get("/api/v1/segments", owner.accessToken()).items()).extracting(s -> s.get("id"))
                .contains(id);

        Map<String, Object> removeName = new HashMap<>();
        removeName.put("name", null);
        assertThat(api().patch("/api/v1/segments/" + id, owner.accessToken(), removeName).status()).isEqualTo(400);
        assertThat(api().delete("/api/v1/segments/" + id, owner.accessToken()).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/segments/" + id, owner.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void badDefinitionsNameTheirField() {
        assertField(Map.of("tags", Map.of("any", List.of("a;b"))), "definition.tags.any");
        assertField(Map.of("tiers", List.of("Not A Tier")), "definition.tiers");
        assertField(Map.of("channelTypes", List.of("fax")), "definition.channelTypes");
        assertField(Map.of("channelIds", List.of(UUID.randomUUID().toString())), "definition.channelIds");
        assertField(Map.of("attributes", List.of(Map.of("key", "city", "op", "equals"))), "definition.attributes");
        assertField(Map.of("attributes", List.of(Map.of("key", "city", "op", "like", "value", "x"))),
                "definition.attributes");
        assertThat(api().post("/api/v1/segments/preview", owner.accessToken(),
                Map.of("definition", Map.of("colour", "red"))).status()).isEqualTo(400);
    }

    @Test
    void adminsChangeSegmentsEveryoneReadsThemAndOtherTenantsGet404() {
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        Session stranger = api().signup("Segment Stranger Co");
        String id = api().post("/api/v1/segments", owner.accessToken(),
                Map.of("name", "Mine", "definition", Map.of())).string("id");

        assertThat(api().post("/api/v1/segments", viewer.accessToken(),
                Map.of("name", "No", "definition", Map.of())).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/segments/" + id + "/preview", viewer.accessToken()).status()).isEqualTo(200);
        assertThat(api().patch("/api/v1/segments/" + id, viewer.accessToken(), Map.of("name", "x")).status())
                .isEqualTo(403);
        for (Reply reply : List.of(api().get("/api/v1/segments/" + id, stranger.accessToken()),
                api().get("/api/v1/segments/" + id + "/preview", stranger.accessToken()),
                api().patch("/api/v1/segments/" + id, stranger.accessToken(), Map.of("name", "x")),
                api().delete("/api/v1/segments/" + id, stranger.accessToken()))) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        }
        assertThat(api().get("/api/v1/segments", stranger.accessToken()).items()).isEmpty();
        assertThat(api().post("/api/v1/segments/preview", stranger.accessToken(),
                Map.of("definition", Map.of())).at("matching")).isEqualTo(0);
    }

    private void assertField(Map<String, Object> definition, String field) {
        Reply reply = api().post("/api/v1/segments/preview", owner.accessToken(), Map.of("definition", definition));
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isEqualTo(field);
    }

    private Reply preview(Map<String, Object> definition) {
        Reply reply = api().post("/api/v1/segments/preview", owner.accessToken(), Map.of("definition", definition));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    @SuppressWarnings("unchecked")
    private List<Object> matching(Map<String, Object> definition) {
        Reply reply = preview(definition);
        List<Object> ids = ((List<Map<String, Object>>) reply.at("sample")).stream().map(c -> c.get("id")).toList();
        assertThat(((Number) reply.at("matching")).longValue()).isEqualTo(ids.size());
        return ids;
    }

    private String create(UUID channel, String user, List<String> tags, String tier, Map<String, Object> attributes) {
        Reply reply = api().post("/api/v1/contacts", owner.accessToken(), Map.of("channelId", channel.toString(),
                "externalUserId", user, "tags", tags, "tier", tier, "attributes", attributes));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.string("id");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            prepared.executeUpdate();
        }
    }
}
