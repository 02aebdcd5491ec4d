package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import io.parley.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The API half of CSV imports: checking, staging and enqueueing (the worker's job is ContactImportJobTest). */
@MicronautTest(transactional = false)
class ContactImportApiTest extends ContactTest {

    private static final String GOOD_AND_BAD = """
            externalUserId,displayName,tier,tags,attributes.city
            +886912345678,陳小明,premium,vip;taipei,Taipei
            not-a-number,Bad Phone,,,
            +886912345679,Bad Tier,Not A Tier,,
            +886912345680,"Quoted, Name",,,Kaohsiung
            +886912345681,Too,many,fields,here,really
            """;

    @Test
    void aDryRunReportsEveryBadRowByLineAndFieldAndStoresNothing() {
        Session owner = api().signup("Import Preview Co");
        UUID whatsapp = channel(owner.tenantId(), "whatsapp");

        Reply preview = Uploads.csv(api(), "/api/v1/contacts/imports/preview", owner.accessToken(), GOOD_AND_BAD,
                whatsapp.toString());

        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.at("totalRows")).isEqualTo(5);
        assertThat(preview.at("validRows")).isEqualTo(2);
        assertThat(preview.at("invalidRows")).isEqualTo(3);
        assertThat(errors(preview)).extracting(e -> e.get("line") + ":" + e.get("field"))
                .containsExactly("3:externalUserId", "4:tier", "6:row");
        assertThat(preview.string("sample.0.externalUserId")).isEqualTo("886912345678");
        assertThat(preview.at("sample.0.tags")).isEqualTo(List.of("vip", "taipei"));
        assertThat(preview.at("sample.0.attributes")).isEqualTo(Map.of("city", "Taipei"));
        assertThat(preview.string("sample.1.displayName")).isEqualTo("Quoted, Name");
        assertThat(api().get("/api/v1/contacts", owner.accessToken()).items()).isEmpty();
        assertThat(api().get("/api/v1/contacts/imports", owner.accessToken()).items()).isEmpty();
    }

    @Test
    void anImportStagesTheValidRowsOncePerIdentityAndEnqueuesItsJob() throws SQLException {
        Session owner = api().signup("Import Start Co");
        UUID whatsapp = channel(owner.tenantId(), "whatsapp");
        String csv = GOOD_AND_BAD + "+886912345678,Later Row Wins,,,\n";

        Reply started = Uploads.csv(api(), "/api/v1/contacts/imports", owner.accessToken(), csv, whatsapp.toString());

        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.string("state")).isEqualTo("queued");
        assertThat(started.string("fileName")).isEqualTo("contacts.csv");
        assertThat(started.at("totalRows")).isEqualTo(6);
        assertThat(started.at("validRows")).isEqualTo(2);
        assertThat(started.at("failedRows")).isEqualTo(3);
        assertThat(started.at("processedRows")).isEqualTo(0);
        assertThat(errors(started)).hasSize(3);
        String id = started.string("id");
        assertThat(api().get("/api/v1/contacts/imports/" + id, owner.accessToken()).string("state")).isEqualTo("queued");
        assertThat(api().get("/api/v1/contacts/imports", owner.accessToken()).items()).extracting(i -> i.get("id"))
                .containsExactly(id);
        assertThat(jobArgs(owner.tenantId())).containsExactly("{\"importId\": \"" + id + "\"}");
        assertThat(stagedNames(id)).containsExactlyInAnyOrder("Later Row Wins", "Quoted, Name");
    }

    @Test
    void aFileThatCannotBeReadIsRejectedWhole() {
        Session owner = api().signup("Import Reject Co");
        String whatsapp = channel(owner.tenantId(), "whatsapp").toString();

        assertFieldError(Uploads.csv(api(), "/api/v1/contacts/imports", owner.accessToken(),
                "externalUserId,shoeSize\n+886912345678,42\n", whatsapp), "file");
        assertFieldError(Uploads.csv(api(), "/api/v1/contacts/imports", owner.accessToken(),
                "displayName\nMei\n", whatsapp), "file");
        assertFieldError(Uploads.csv(api(), "/api/v1/contacts/imports", owner.accessToken(), "", whatsapp), "file");
        assertFieldError(Uploads.csv(api(), "/api/v1/contacts/imports", owner.accessToken(),
                "externalUserId\n+886912345678\n", null), "channelId");
        assertThat(api().get("/api/v1/contacts/imports", owner.accessToken()).items()).isEmpty();
    }

    @Test
    void rowsMayNameTheirOwnChannelsButOnlyTheTenants() {
        Session owner = api().signup("Import Channels Co");
        Session other = api().signup("Import Other Co");
        UUID line = channel(owner.tenantId(), "line");
        UUID telegram = channel(owner.tenantId(), "telegram");
        UUID foreign = channel(other.tenantId(), "telegram");
        String csv = "channelId,externalUserId\n"
                + line + ",U4af4980629d5a8b0a1c1e1e1e1e1e1e1\n"
                + telegram + ",-100123\n"
                + foreign + ",555\n";

        Reply preview = Uploads.csv(api(), "/api/v1/contacts/imports/preview", owner.accessToken(), csv, null);

        assertThat(preview.at("validRows")).as(preview.text()).isEqualTo(2);
        assertThat(errors(preview)).extracting(e -> e.get("line") + ":" + e.get("field"))
                .containsExactly("4:channelId");
        assertProblem(Uploads.csv(api(), "/api/v1/contacts/imports", owner.accessToken(), "externalUserId\n555\n",
                foreign.toString()), 404, "not-found");
    }

    @Test
    void importsAreForAdminsAndOtherTenantsImportsAreNotFound() {
        Session owner = api().signup("Import Roles Co");
        String whatsapp = channel(owner.tenantId(), "whatsapp").toString();
        Session agent = new Teams(api()).addMember(owner, "agent");
        Session stranger = api().signup("Import Stranger Co");
        String id = Uploads.csv(api(), "/api/v1/contacts/imports", owner.accessToken(),
                "externalUserId\n+886912345678\n", whatsapp).string("id");

        assertProblem(Uploads.csv(api(), "/api/v1/contacts/imports", agent.accessToken(),
                "externalUserId\n+886912345678\n", whatsapp), 403, "forbidden");
        assertProblem(Uploads.csv(api(), "/api/v1/contacts/imports/preview", agent.accessToken(),
                "externalUserId\n+886912345678\n", whatsapp), 403, "forbidden");
        assertThat(api().get("/api/v1/contacts/imports/" + id, agent.accessToken()).status()).isEqualTo(200);
        assertProblem(api().get("/api/v1/contacts/imports/" + id, stranger.accessToken()), 404, "not-found");
        assertThat(api().get("/api/v1/contacts/imports", stranger.accessToken()).items()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Reply reply) {
        return (List<Map<String, Object>>) reply.at("errors");
    }

    private static List<String> jobArgs(String tenantId) throws SQLException {
        return strings("SELECT args::text FROM jobs WHERE tenant_id = '" + tenantId + "' AND kind = 'contacts.import'");
    }

    private static List<String> stagedNames(String importId) throws SQLException {
        return strings("SELECT display_name FROM contact_import_rows WHERE import_id = '" + importId
                + "' ORDER BY seq");
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
