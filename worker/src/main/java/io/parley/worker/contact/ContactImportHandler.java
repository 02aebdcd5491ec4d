package io.parley.worker.contact;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.parley.core.ServerRoles;
import io.parley.core.contact.imports.ContactImportJob;
import io.parley.core.contact.imports.ContactImportRepository;
import io.parley.core.contact.imports.ContactImportRow;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.trigger.ProactiveTriggers;
import io.parley.core.trigger.TriggerRunRepository;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a contact import (job kind {@value ContactImportJob#KIND}): upserts its staged rows by channel identity, one
 * chunk of {@value #CHUNK} rows per transaction. Each transaction locks the import row, applies the next chunk after
 * {@code cursor_seq} and moves the cursor and the progress counts with it, so a crash, a retry or a second attempt
 * beside the first (lost lease) never applies a chunk twice and never skips one. The staged rows are deleted at the
 * end. docs/contacts.md "Importing".
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class ContactImportHandler implements JobHandler {

    static final int CHUNK = 1000;

    private final TenantScope scope;
    private final ContactImportRepository imports;
    private final JsonMapper json;
    private final ProactiveTriggers triggers;
    private final TriggerRunRepository runs;

    ContactImportHandler(TenantScope scope, ContactImportRepository imports, JsonMapper json,
                         ProactiveTriggers triggers, TriggerRunRepository runs) {
        this.triggers = triggers;
        this.runs = runs;
        this.scope = scope;
        this.imports = imports;
        this.json = json;
    }

    @Override
    public String kind() {
        return ContactImportJob.KIND;
    }

    @Override
    public void run(Job job) {
        UUID importId = ContactImportJob.importId(job.argsJson())
                .orElseThrow(() -> new JobDiscard("unreadable arguments"));
        while (scope.write(job.tenant(), () -> nextChunk(job.tenant().value(), importId))) {
            // one transaction per chunk
        }
    }

    /** Applies one chunk; false when the import is finished (or gone). */
    private boolean nextChunk(UUID tenant, UUID importId) {
        ContactImportRow current = imports.lock(tenant, importId).orElse(null);
        if (current == null || "completed".equals(current.state()) || "failed".equals(current.state())) {
            return false;
        }
        int after = current.cursorSeq();
        int last = imports.chunkEnd(tenant, importId, after, CHUNK);
        if (last <= after) {
            imports.finish(tenant, importId, "completed");
            imports.deleteStaged(tenant, importId);
            return false;
        }
        List<Integer> updated = imports.updateExisting(tenant, importId, after, last);
        List<Integer> created = imports.createNew(tenant, importId, after, last);
        if (!created.isEmpty()) {
            // contact_created flows: their runs commit with the chunk, exactly once (docs/flows.md)
            triggers.contactsCreated(new TenantId(tenant), runs.importedContacts(tenant, importId, created));
        }
        List<Integer> done = new ArrayList<>(updated);
        done.addAll(created);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Integer line : imports.linesNotDone(tenant, importId, after, last, write(done))) {
            errors.add(Map.of("line", line, "field", "attributes", "message", "the contact's attributes would pass "
                    + "50 keys or 16 KB, or a message created the contact during the import; not changed"));
        }
        int processed = done.size() + errors.size();
        imports.advance(tenant, importId, last, processed, created.size(), updated.size(), write(errors));
        return true;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
