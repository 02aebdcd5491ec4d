package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ContactCreateTest extends ContactTest {

    private static final String LINE_USER = "U4af4980629d5a8b0a1c1e1e1e1e1e1e1";

    @Test
    void createsAWhatsAppContactStoredUnderItsWaIdWithAttributesTierAndTags() {
        Session owner = api().signup("Create Contact Co");
        UUID whatsapp = channel(owner.tenantId(), "whatsapp");

        Reply created = api().post("/api/v1/contacts", owner.accessToken(), Map.of("channelId", whatsapp.toString(),
                "externalUserId", "+886 912-345-678", "displayName", " 陳小明 ", "attributes", Map.of("city", "Taipei"),
                "tier", "premium", "tags", List.of("vip", "台北", "vip")));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("displayName")).isEqualTo("陳小明");
        assertThat(created.at("attributes")).isEqualTo(Map.of("city", "Taipei"));
        assertThat(created.string("tier")).isEqualTo("premium");
        assertThat(created.at("tags")).isEqualTo(List.of("vip", "台北"));
        assertThat(created.string("identities.0.externalUserId")).isEqualTo("886912345678");
        assertThat(created.string("identities.0.channelType")).isEqualTo("whatsapp");
        assertThat(created.at("identities.0.optedOut")).isEqualTo(false);
        assertThat(created.at("lastSeenAt")).isNull();
        Reply read = api().get("/api/v1/contacts/" + created.string("id"), owner.accessToken());
        assertThat(read.at("tags")).isEqualTo(List.of("vip", "台北"));
    }

    @Test
    void aMessageFromTheCreatedIdentityFindsTheSameContact() {
        Session owner = api().signup("Same Identity Co");
        UUID line = channel(owner.tenantId(), "line");
        String id = api().post("/api/v1/contacts", owner.accessToken(),
                Map.of("channelId", line.toString(), "externalUserId", LINE_USER)).string("id");

        // the message pipeline's upsert, as when the user writes for the first time
        assertThat(contact(owner.tenantId(), line, LINE_USER, "From LINE")).isEqualTo(id);
    }

    @Test
    void anIdentityThatExistsIsAConflictNamingItsContact() {
        Session owner = api().signup("Duplicate Identity Co");
        UUID telegram = channel(owner.tenantId(), "telegram");
        String existing = contact(owner.tenantId(), telegram, "123456789", "Known");

        Reply again = api().post("/api/v1/contacts", owner.accessToken(),
                Map.of("channelId", telegram.toString(), "externalUserId", "123456789"));

        assertProblem(again, 409, "conflict");
        assertThat(again.string("detail")).contains(existing);
    }

    @Test
    void userIdsMustBeOfTheChannelsKind() {
        Session owner = api().signup("Identity Kinds Co");
        String line = channel(owner.tenantId(), "line").toString();
        String whatsapp = channel(owner.tenantId(), "whatsapp").toString();
        String telegram = channel(owner.tenantId(), "telegram").toString();
        String web = webChannel(owner.tenantId()).toString();

        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("channelId", line, "externalUserId", "+886912345678"),
                Map.of("channelId", whatsapp, "externalUserId", LINE_USER),
                Map.of("channelId", telegram, "externalUserId", "@someone"),
                Map.of("channelId", web, "externalUserId", "session-1"))) {
            assertFieldError(api().post("/api/v1/contacts", owner.accessToken(), body), "externalUserId");
        }
        assertFieldError(api().post("/api/v1/contacts", owner.accessToken(), Map.of("channelId", line,
                "externalUserId", LINE_USER, "tags", List.of("no;semicolons"))), "tags");
        assertFieldError(api().post("/api/v1/contacts", owner.accessToken(), Map.of("channelId", line,
                "externalUserId", LINE_USER, "attributes", Map.of("bad key", "x"))), "attributes");
        assertFieldError(api().post("/api/v1/contacts", owner.accessToken(), Map.of("channelId", "nope",
                "externalUserId", LINE_USER)), "channelId");
        assertProblem(api().post("/api/v1/contacts", owner.accessToken(), Map.of("channelId", line)), 400,
                "validation-failed");
        assertProblem(api().post("/api/v1/contacts", owner.accessToken(), Map.of("channelId", line,
                "externalUserId", LINE_USER, "blocked", true)), 400, "validation-failed");
    }

    @Test
    void anotherTenantsChannelIsNotFound() {
        Session a = api().signup("Create A");
        Session b = api().signup("Create B");
        UUID channelOfB = channel(b.tenantId(), "line");

        Reply reply = api().post("/api/v1/contacts", a.accessToken(),
                Map.of("channelId", channelOfB.toString(), "externalUserId", LINE_USER));

        assertProblem(reply, 404, "not-found");
        assertThat(api().get("/api/v1/contacts", b.accessToken()).items()).isEmpty();
    }

    @Test
    void agentsCreateContactsViewersDoNot() {
        Session owner = api().signup("Create Roles Co");
        UUID line = channel(owner.tenantId(), "line");
        Teams teams = new Teams(api());
        Session agent = teams.addMember(owner, "agent");
        Session viewer = teams.addMember(owner, "viewer");

        assertProblem(api().post("/api/v1/contacts", viewer.accessToken(),
                Map.of("channelId", line.toString(), "externalUserId", LINE_USER)), 403, "forbidden");
        assertThat(api().post("/api/v1/contacts", agent.accessToken(),
                Map.of("channelId", line.toString(), "externalUserId", LINE_USER)).status()).isEqualTo(201);
    }

    @Test
    void tagsAreReplacedByAPatchRemovedByNullAndFilterTheList() {
        Session owner = api().signup("Tags Co");
        UUID web = webChannel(owner.tenantId());
        String vip = contact(owner.tenantId(), web, "v", "Vip");
        String other = contact(owner.tenantId(), web, "o", "Other");

        assertThat(api().patch("/api/v1/contacts/" + vip, owner.accessToken(), Map.of("tags", List.of("vip", "taipei")))
                .at("tags")).isEqualTo(List.of("vip", "taipei"));
        api().patch("/api/v1/contacts/" + other, owner.accessToken(), Map.of("tags", List.of("taipei")));
        assertThat(ids(api().get("/api/v1/contacts?tag=vip", owner.accessToken()))).containsExactly(vip);
        assertThat(ids(api().get("/api/v1/contacts?tag=taipei", owner.accessToken()))).containsExactly(other, vip);

        Map<String, Object> removeAll = new java.util.HashMap<>();
        removeAll.put("tags", null);
        assertThat(api().patch("/api/v1/contacts/" + vip, owner.accessToken(), removeAll).at("tags")).isEqualTo(List.of());
        assertThat(ids(api().get("/api/v1/contacts?tag=vip", owner.accessToken()))).isEmpty();
        assertThat(api().patch("/api/v1/contacts/" + other, owner.accessToken(), Map.of("displayName", "Renamed"))
                .at("tags")).isEqualTo(List.of("taipei"));
        assertFieldError(api().get("/api/v1/contacts?tag=what%3F", owner.accessToken()), "tag");
    }

    private static List<Object> ids(Reply reply) {
        return reply.items().stream().map(item -> item.get("id")).toList();
    }
}
