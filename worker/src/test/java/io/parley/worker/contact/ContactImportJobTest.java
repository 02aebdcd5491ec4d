package io.parley.worker.contact;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.contact.imports.ContactImportJob;
import io.parley.core.contact.imports.ContactImportRepository;
import io.parley.core.contact.imports.ContactImportRow;
import io.parley.core.flow.FlowRepository;
import io.parley.core.queue.Job;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contacts.import job upserting staged rows by channel identity (the API stages them: ContactImportApiTest). */
@MicronautTest(transactional = false)
class ContactImportJobTest extends WorkerTest {

    @Inject
    ContactImportHandler handler;
    @Inject
    ContactImportRepository imports;
    @Inject
    ContactRepository contacts;
    @Inject
    JsonMapper mapper;
    @Inject
    FlowRepository flows;

    @Test
    void createsNewContactsAndUpdatesKnownOnesKeepingWhatEmptyCellsLeaveOut() throws IOException {
        Channels.Created channel = channels().whatsapp();
        TenantId tenant = channel.tenant();
        ContactRow known = scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), channel.id(),
                "886900000001", "Known Name", null)).contact();
        scope.writeVoid(tenant, () -> contacts.update(tenant.value(), known.id(), "Known Name",
                "{\"city\": \"Taipei\", \"plan\": \"gold\"}", "free", false, null));
        List<Map<String, Object>> rows = List.of(
                row(1, channel.id(), "886900000001", null, "premium", null, Map.of("city", "Tainan")),
                row(2, channel.id(), "886900000002", "New Person", null, List.of("vip"), Map.of()));
        UUID id = staged(tenant, rows);

        handler.run(job(tenant, id));

        ContactRow updated = scope.read(tenant, () -> contacts.find(tenant.value(), known.id())).orElseThrow();
        assertThat(updated.displayName()).isEqualTo("Known Name");
        assertThat(updated.tier()).isEqualTo("premium");
        assertThat(mapper.readValue(updated.attributes(), Map.class)).isEqualTo(Map.of("city", "Tainan", "plan", "gold"));
        ContactRow created = scope.read(tenant, () -> contacts.findByIdentity(tenant.value(), channel.id(),
                "886900000002")).orElseThrow();
        assertThat(created.displayName()).isEqualTo("New Person");
        assertThat(created.tags()).isEqualTo("[\"vip\"]");
        assertThat(created.tier()).isEqualTo("free");
        ContactImportRow done = importRow(tenant, id);
        assertThat(done.state()).isEqualTo("completed");
        assertThat(done.processedRows()).isEqualTo(2);
        assertThat(done.createdCount()).isEqualTo(1);
        assertThat(done.updatedCount()).isEqualTo(1);
        assertThat(done.finishedAt()).isNotNull();
        assertThat(count("SELECT count(*) FROM contact_import_rows WHERE import_id = '" + id + "'")).isZero();
    }

    @Test
    void runsInChunksThatARerunNeverAppliesTwice() {
        Channels.Created channel = channels().telegram();
        TenantId tenant = channel.tenant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= ContactImportHandler.CHUNK * 2 + 5; i++) {
            rows.add(row(i, channel.id(), Integer.toString(100000 + i), "Person " + i, null, null, Map.of()));
        }
        UUID id = staged(tenant, rows);

        handler.run(job(tenant, id));
        handler.run(job(tenant, id)); // a retry after a lost answer, or a second worker

        ContactImportRow done = importRow(tenant, id);
        assertThat(done.processedRows()).isEqualTo(rows.size());
        assertThat(done.createdCount()).isEqualTo(rows.size());
        assertThat(count("SELECT count(*) FROM contacts WHERE tenant_id = '" + tenant.value() + "'"))
                .isEqualTo(rows.size());
    }

    @Test
    void importedContactsAreWelcomedOnceByContactCreatedFlowsAndKnownOnesAreNot() {
        Channels.Created channel = channels().whatsapp();
        TenantId tenant = channel.tenant();
        UUID flow = Ids.next();
        scope.writeVoid(tenant, () -> flows.insert(tenant.value(), flow, channel.bot(), "Welcome", true, 0,
                "contact_created", "{}", "[{\"type\": \"text\", \"text\": \"Welcome!\"}]", null));
        scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), channel.id(), "886900000001", "Known",
                null));
        UUID id = staged(tenant, List.of(row(1, channel.id(), "886900000001", null, null, null, Map.of()),
                row(2, channel.id(), "886900000002", "New", null, null, Map.of())));

        handler.run(job(tenant, id));
        handler.run(job(tenant, id)); // a retry after a lost answer, or a second worker

        ContactRow created = scope.read(tenant, () -> contacts.findByIdentity(tenant.value(), channel.id(),
                "886900000002")).orElseThrow();
        assertThat(count("SELECT count(*) FROM trigger_runs WHERE tenant_id = '" + tenant.value() + "'")).isOne();
        assertThat(count("SELECT count(*) FROM trigger_runs WHERE contact_id = '" + created.id()
                + "' AND status = 'queued'")).isOne();
        assertThat(count("SELECT count(*) FROM jobs WHERE tenant_id = '" + tenant.value()
                + "' AND kind = 'trigger.run'")).isOne();
    }

    @Test
    void aRowWhoseMergedAttributesPassTheLimitIsReportedNotApplied() {
        Channels.Created channel = channels().whatsapp();
        TenantId tenant = channel.tenant();
        ContactRow full = scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), channel.id(),
                "886900000009", "Full", null)).contact();
        StringBuilder fifty = new StringBuilder("{");
        for (int i = 0; i < 50; i++) {
            fifty.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": 1");
        }
        scope.writeVoid(tenant, () -> contacts.update(tenant.value(), full.id(), "Full", fifty + "}", "free", false,
                null));
        UUID id = staged(tenant, List.of(row(1, channel.id(), "886900000009", "Renamed", null, null,
                Map.of("oneMore", "x"))));

        handler.run(job(tenant, id));

        ContactImportRow done = importRow(tenant, id);
        assertThat(done.state()).isEqualTo("completed");
        assertThat(done.updatedCount()).isZero();
        assertThat(done.errors()).contains("\"line\": 2");
        assertThat(scope.read(tenant, () -> contacts.find(tenant.value(), full.id())).orElseThrow().displayName())
                .isEqualTo("Full");
    }

    private long count(String sql) {
        return ((Number) rows().query(sql).getFirst().values().iterator().next()).longValue();
    }

    private UUID staged(TenantId tenant, List<Map<String, Object>> rows) {
        UUID id = Ids.next();
        scope.writeVoid(tenant, () -> {
            imports.insert(tenant.value(), id, "test.csv");
            for (int from = 0; from < rows.size(); from += 1000) {
                imports.stage(tenant.value(), id, write(rows.subList(from, Math.min(rows.size(), from + 1000))));
            }
            imports.staged(tenant.value(), id, rows.size(), 0, "[]");
        });
        return id;
    }

    private ContactImportRow importRow(TenantId tenant, UUID id) {
        return scope.read(tenant, () -> imports.find(tenant.value(), id)).orElseThrow();
    }

    private static Job job(TenantId tenant, UUID importId) {
        return new Job(1, tenant, ContactImportJob.KIND, ContactImportJob.request(importId).argsJson(), 1, 10);
    }

    private static Map<String, Object> row(int seq, UUID channel, String user, String name, String tier,
                                           List<String> tags, Map<String, String> attributes) {
        Map<String, Object> row = new HashMap<>();
        row.put("seq", seq);
        row.put("line", seq + 1);
        row.put("channel_id", channel.toString());
        row.put("external_user_id", user);
        row.put("display_name", name);
        row.put("tier", tier);
        row.put("tags", tags);
        row.put("attributes", attributes);
        row.put("new_contact_id", Ids.next().toString());
        row.put("new_identity_id", Ids.next().toString());
        return row;
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
