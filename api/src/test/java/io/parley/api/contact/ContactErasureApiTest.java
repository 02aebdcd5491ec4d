package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** DELETE /api/v1/contacts/{id} and GET /api/v1/contacts/{id}/export (docs/privacy.md). */
@MicronautTest(transactional = false)
class ContactErasureApiTest extends ContactTest {

    @Test
    void erasingDeletesThePersonAndKeepsTheUsageTotalsWithoutThem() {
        Session owner = api().signup("Erase Co");
        UUID channel = channel(owner.tenantId(), "line");
        String contactId = contact(owner.tenantId(), channel, "U-erase", "Erin");
        UUID conversation = conversationWithMessage(owner.tenantId(), channel, contactId, "my secret");

        Reply erased = api().delete("/api/v1/contacts/" + contactId, owner.accessToken());

        assertThat(erased.status()).as(erased.text()).isEqualTo(204);
        assertProblem(api().get("/api/v1/contacts/" + contactId, owner.accessToken()), 404, "not-found");
        TenantId tenant = tenant(owner.tenantId());
        assertThat(count(tenant, "SELECT count(*) FROM messages WHERE conversation_id = ?", conversation)).isZero();
        assertThat(count(tenant, "SELECT count(*) FROM inbound_events WHERE payload ->> 'externalUserId' = ?",
                "U-erase")).isZero();
        assertThat(count(tenant, "SELECT count(*) FROM memory_values WHERE contact_id = ?", UUID.fromString(contactId)))
                .isZero();
        assertThat(count(tenant, "SELECT count(*) FROM conversation_summaries WHERE conversation_id = ?",
                conversation)).as("the conversation's summary goes with it").isZero();
        assertThat(count(tenant, "SELECT sum(cost_micros) FROM llm_usage WHERE contact_id IS NULL AND "
                + "conversation_id IS NULL AND bot_id IS NOT NULL AND cost_micros = ?", 4200L))
                .as("the usage row stays, anonymized").isEqualTo(4200L);
        assertThat(count(tenant, "SELECT count(*) FROM contact_erasures WHERE channel_id = ?", channel)).isOne();
        Map<String, Object> audit = api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().get(0);
        assertThat(audit.get("action")).isEqualTo("contact.erased");
        assertThat(audit.toString()).doesNotContain("Erin").doesNotContain("U-erase").doesNotContain("my secret");
    }

    @Test
    void theExportHoldsEverythingStoredAboutThePersonAndIsAudited() {
        Session owner = api().signup("Export Co");
        UUID channel = channel(owner.tenantId(), "line");
        String contactId = contact(owner.tenantId(), channel, "U-export", "Xu");
        conversationWithMessage(owner.tenantId(), channel, contactId, "hello from Xu");

        Reply export = api().get("/api/v1/contacts/" + contactId + "/export", owner.accessToken());

        assertThat(export.status()).as(export.text()).isEqualTo(200);
        assertThat(export.string("contact.display_name")).isEqualTo("Xu");
        assertThat(export.string("identities.0.external_user_id")).isEqualTo("U-export");
        assertThat(export.string("messages.0.text")).isEqualTo("hello from Xu");
        assertThat(export.string("memory.0.field")).isEqualTo("city");
        assertThat(export.at("llmUsage.0.cost_micros")).isEqualTo(4200);
        assertThat(export.string("summaries.0.summary")).isEqualTo("Erin told the bot her secret");
        assertThat(export.string("notes.0.text")).isEqualTo("Asked about the Taipei office");
        assertThat(export.string("handoffs.0.kind")).isEqualTo("flow");
        assertThat(export.string("flowState.0.variables.email")).isEqualTo("xu@example.com");
        assertThat(export.string("broadcasts.0.status")).isEqualTo("sent");
        assertThat(export.text()).doesNotContain("tenant_id");
        assertThat(api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().get(0).get("action"))
                .isEqualTo("contact.exported");
    }

    @Test
    void onlyOwnersAndAdminsEraseOrExport() {
        Session owner = api().signup("Roles Erase Co");
        String contactId = contact(owner.tenantId(), webChannel(owner.tenantId()), "web-roles", "Rae");
        Teams teams = new Teams(api());
        for (String role : List.of("agent", "viewer")) {
            Session member = teams.addMember(owner, role);
            assertProblem(api().delete("/api/v1/contacts/" + contactId, member.accessToken()), 403, "forbidden");
            assertProblem(api().get("/api/v1/contacts/" + contactId + "/export", member.accessToken()), 403,
                    "forbidden");
        }
        Session admin = teams.addMember(owner, "admin");
        assertThat(api().get("/api/v1/contacts/" + contactId + "/export", admin.accessToken()).status()).isEqualTo(200);
        assertThat(api().delete("/api/v1/contacts/" + contactId, admin.accessToken()).status()).isEqualTo(204);
    }

    @Test
    void anotherTenantsContactIsNotFoundAndStays() {
        Session ownerA = api().signup("Erase A");
        Session ownerB = api().signup("Erase B");
        String contactB = contact(ownerB.tenantId(), webChannel(ownerB.tenantId()), "web-b", "Bea");

        assertProblem(api().delete("/api/v1/contacts/" + contactB, ownerA.accessToken()), 404, "not-found");
        assertProblem(api().get("/api/v1/contacts/" + contactB + "/export", ownerA.accessToken()), 404, "not-found");
        assertProblem(api().delete("/api/v1/contacts/not-an-id", ownerA.accessToken()), 404, "not-found");
        assertThat(api().get("/api/v1/contacts/" + contactB, ownerB.accessToken()).string("displayName"))
                .isEqualTo("Bea");
    }

    /**
     * A conversation with one inbound message, its provider event, a memory value, an LLM usage row, a summary, a note,
     * a hand-off, a flow's captured answers and a broadcast sent to the contact.
     */
    private UUID conversationWithMessage(String tenantId, UUID channel, String contactId, String text) {
        TenantId tenant = tenant(tenantId);
        UUID conversation = Ids.next();
        UUID message = Ids.next();
        UUID contact = UUID.fromString(contactId);
        String externalUserId = scope.read(tenant, () -> contacts.identities(tenant.value(), List.of(contact)))
                .getFirst().externalUserId();
        scope.writeVoid(tenant, () -> {
            sql("""
                    INSERT INTO conversations (tenant_id, id, bot_id, channel_id, contact_id)
                    SELECT tenant_id, ?, bot_id, id, ? FROM channels WHERE id = ?""", conversation, contact, channel);
            sql("""
                    INSERT INTO inbound_events (tenant_id, id, channel_id, provider_event_id, kind, payload)
                    VALUES (?, ?, ?, ?, 'text', jsonb_build_object('externalUserId', CAST(? AS text)))""",
                    tenant.value(), message, channel, "ev-" + message, externalUserId);
            sql("""
                    INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, text, status)
                    VALUES (?, ?, ?, 'inbound', 'contact', 'text', ?, 'received')""",
                    tenant.value(), message, conversation, text);
            sql("""
                    INSERT INTO memory_values (tenant_id, bot_id, field, subject_id, contact_id, value)
                    SELECT tenant_id, bot_id, 'city', ?, ?, '"Taipei"' FROM channels WHERE id = ?""",
                    contact, contact, channel);
            sql("""
                    INSERT INTO llm_usage (tenant_id, id, bot_id, contact_id, conversation_id, provider, model,
                        latency_ms, outcome, cost_micros)
                    SELECT tenant_id, ?, bot_id, ?, ?, 'demo', 'demo', 5, 'ok', 4200 FROM channels WHERE id = ?""",
                    Ids.next(), contact, conversation, channel);
            sql("""
                    INSERT INTO conversation_summaries (tenant_id, conversation_id, summary, source)
                    VALUES (?, ?, 'Erin told the bot her secret', 'llm')""", tenant.value(), conversation);
            sql("""
                    INSERT INTO conversation_notes (tenant_id, id, conversation_id, text)
                    VALUES (?, ?, ?, 'Asked about the Taipei office')""", tenant.value(), Ids.next(), conversation);
            sql("""
                    INSERT INTO conversation_handoffs (tenant_id, id, conversation_id, kind)
                    VALUES (?, ?, ?, 'flow')""", tenant.value(), Ids.next(), conversation);
            sql("""
                    INSERT INTO conversation_flow_state (tenant_id, conversation_id, variables)
                    VALUES (?, ?, '{"email":"xu@example.com"}')""", tenant.value(), conversation);
            UUID broadcast = Ids.next();
            sql("""
                    INSERT INTO broadcasts (tenant_id, id, name, channel_ids, message)
                    VALUES (?, ?, 'Spring sale', ARRAY[CAST(? AS uuid)], '{"type":"text","text":"Sale!"}')""",
                    tenant.value(), broadcast, channel);
            sql("""
                    INSERT INTO broadcast_recipients (tenant_id, broadcast_id, contact_id, channel_id, external_user_id,
                        status)
                    VALUES (?, ?, ?, ?, ?, 'sent')""", tenant.value(), broadcast, contact, channel, externalUserId);
        });
        return conversation;
    }

    private void sql(String statement, Object... parameters) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement prepared = connection.prepareStatement(statement)) {
                for (int i = 0; i < parameters.length; i++) {
                    prepared.setObject(i + 1, parameters[i]);
                }
                prepared.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(TenantId tenant, String query, Object parameter) {
        return scope.read(tenant, () -> {
            try (PreparedStatement prepared = dataSource.getConnection().prepareStatement(query)) {
                prepared.setObject(1, parameter);
                try (ResultSet rows = prepared.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
