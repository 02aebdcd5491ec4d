package io.parley.api.contact.imports;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.channel.ChannelType;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.imports.ContactImportJob;
import io.parley.core.contact.imports.ContactImportRepository;
import io.parley.core.contact.imports.ContactImportRow;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * CSV imports of contacts (admins and owners: an import can change thousands of contacts). A dry run reads the file
 * and answers what it would import; a real one stages the valid rows while reading (batches of {@value #BATCH}, a
 * later row for the same identity replacing an earlier one) and enqueues the job that upserts them, in one
 * transaction: the import exists exactly when its rows and its job do. docs/contacts.md "Importing".
 */
@Singleton
final class ContactImportService {

    static final int BATCH = 1000;
    private static final int SAMPLE = 10;

    private final TenantScope scope;
    private final ContactRepository contacts;
    private final ContactImportRepository imports;
    private final ContactAttributes attributes;
    private final JobQueue queue;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ContactImportSettings settings;

    ContactImportService(TenantScope scope, ContactRepository contacts, ContactImportRepository imports,
                         ContactAttributes attributes, JobQueue queue, AuditLog audit, JsonMapper json,
                         ContactImportSettings settings) {
        this.scope = scope;
        this.contacts = contacts;
        this.imports = imports;
        this.attributes = attributes;
        this.queue = queue;
        this.audit = audit;
        this.json = json;
        this.settings = settings;
    }

    ContactImportWire.Preview preview(Caller caller, InputStream file, String channelId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        UUID defaultChannel = channel(channelId);
        return scope.read(tenant, () -> {
            Errors errors = new Errors();
            List<ContactImportWire.SampleRow> sample = new ArrayList<>();
            int[] valid = {0};
            int total = csv(tenant, defaultChannel).read(file, row -> {
                valid[0]++;
                if (sample.size() < SAMPLE) {
                    sample.add(new ContactImportWire.SampleRow(row.line(), row.channelId().toString(),
                            row.externalUserId(), row.displayName(), row.tier(), row.tags(), row.attributes()));
                }
            }, errors::add);
            return new ContactImportWire.Preview(total, valid[0], errors.count, errors.first, sample);
        });
    }

    ContactImportWire.ImportResponse start(Caller caller, InputStream file, String fileName, String channelId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        UUID defaultChannel = channel(channelId);
        String name = fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        return scope.write(tenant, () -> {
            UUID id = Ids.next();
            imports.insert(tenant.value(), id, name);
            Errors errors = new Errors();
            Stager stager = new Stager(tenant.value(), id);
            int total = csv(tenant, defaultChannel).read(file, stager::add, errors::add);
            stager.flush();
            imports.staged(tenant.value(), id, total, errors.count, write(errors.first));
            queue.enqueue(tenant, ContactImportJob.request(id));
            ContactImportRow row = imports.find(tenant.value(), id).orElseThrow();
            audit.record(tenant, caller.actor(), "contact.import_started", "contact_import", id.toString(),
                    Map.of("totalRows", total, "validRows", row.validRows(), "invalidRows", errors.count));
            return response(row);
        });
    }

    ContactImportWire.ImportResponse get(Caller caller, String importId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> Ids.parse(importId).flatMap(id -> imports.find(tenant.value(), id))
                .map(this::response).orElseThrow(() -> ProblemException.notFound("Contact import")));
    }

    PageResponse<ContactImportWire.ImportResponse> list(Caller caller, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        return scope.read(tenant, () -> PageResponse.of(imports.page(tenant.value(), before, size + 1), size,
                this::response, row -> row.id().toString()));
    }

    private ContactCsv csv(TenantId tenant, UUID defaultChannel) {
        Map<UUID, Optional<ChannelType>> types = new HashMap<>();
        if (defaultChannel != null && contacts.channelType(tenant.value(), defaultChannel).isEmpty()) {
            throw ProblemException.notFound("Channel");
        }
        return new ContactCsv(attributes, channel -> types.computeIfAbsent(channel,
                c -> contacts.channelType(tenant.value(), c).flatMap(ChannelType::fromWire)), defaultChannel,
                settings.maxRows());
    }

    private static UUID channel(String channelId) {
        if (channelId == null || channelId.isBlank()) {
            return null;
        }
        return Ids.parse(channelId.strip())
                .orElseThrow(() -> ProblemException.invalidField("channelId", "is not a channel id"));
    }

    private ContactImportWire.ImportResponse response(ContactImportRow row) {
        List<ContactImportWire.RowError> errors = read(row.errors());
        int jobFailures = row.processedRows() - row.createdCount() - row.updatedCount();
        return new ContactImportWire.ImportResponse(row.id().toString(), row.state(), row.fileName(), row.totalRows(),
                row.validRows(), row.processedRows(), row.createdCount(), row.updatedCount(),
                row.invalidRows() + jobFailures,
                errors, row.createdAt(), row.finishedAt());
    }

    private List<ContactImportWire.RowError> read(String errors) {
        try {
            List<ContactImportWire.RowError> list = json.readValue(errors,
                    Argument.listOf(ContactImportWire.RowError.class));
            return list == null ? List.of() : list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The invalid rows: all counted, the first ones kept. */
    private static final class Errors {
        private final List<ContactImportWire.RowError> first = new ArrayList<>();
        private int count;

        void add(ContactCsv.RowError error) {
            count++;
            if (first.size() < ContactImportRepository.MAX_ERRORS) {
                first.add(new ContactImportWire.RowError(error.line(), error.field(), error.message()));
            }
        }
    }

    /** Valid rows in batches; within a batch the last row of an identity wins (the table's upsert does so across). */
    private final class Stager {
        private final UUID tenant;
        private final UUID importId;
        private final Map<String, Map<String, Object>> batch = new LinkedHashMap<>();
        private int seq;

        Stager(UUID tenant, UUID importId) {
            this.tenant = tenant;
            this.importId = importId;
        }

        void add(ContactCsv.Row row) {
            Map<String, Object> staged = new HashMap<>();
            staged.put("seq", ++seq);
            staged.put("line", row.line());
            staged.put("channel_id", row.channelId().toString());
            staged.put("external_user_id", row.externalUserId());
            staged.put("display_name", row.displayName());
            staged.put("tier", row.tier());
            staged.put("tags", row.tags());
            staged.put("attributes", row.attributes());
            staged.put("new_contact_id", Ids.next().toString());
            staged.put("new_identity_id", Ids.next().toString());
            String key = row.channelId() + "/" + row.externalUserId();
            batch.remove(key); // keeps file order: the later row goes to the end
            batch.put(key, staged);
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                imports.stage(tenant, importId, write(new ArrayList<>(batch.values())));
                batch.clear();
            }
        }
    }
}
