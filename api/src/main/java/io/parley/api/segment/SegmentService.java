package io.parley.api.segment;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.segment.SegmentDefinition;
import io.parley.core.segment.SegmentQuery;
import io.parley.core.segment.SegmentRepository;
import io.parley.core.segment.SegmentRow;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Segments: every member reads and previews them; admins and owners change them (they choose who broadcasts reach). */
@Singleton
final class SegmentService {

    static final int SAMPLE = 10;

    private final TenantScope scope;
    private final SegmentRepository segments;
    private final SegmentQuery query;
    private final SegmentDefinitions definitions;
    private final ContactRepository contacts;
    private final AuditLog audit;
    private final JsonMapper json;

    SegmentService(TenantScope scope, SegmentRepository segments, SegmentQuery query, SegmentDefinitions definitions,
                   ContactRepository contacts, AuditLog audit, JsonMapper json) {
        this.scope = scope;
        this.segments = segments;
        this.query = query;
        this.definitions = definitions;
        this.contacts = contacts;
        this.audit = audit;
        this.json = json;
    }

    SegmentWire.SegmentResponse create(Caller caller, SegmentWire.SegmentCreate request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.write(tenant, () -> {
            SegmentDefinition definition = definitions.toCore(tenant.value(), request.definition());
            UUID id = Ids.next();
            segments.insert(tenant.value(), id, request.name().strip(), definitions.write(definition));
            audit.record(tenant, caller.actor(), "segment.created", "segment", id.toString(), Map.of());
            return response(segments.find(tenant.value(), id).orElseThrow());
        });
    }

    PageResponse<SegmentWire.SegmentResponse> list(Caller caller, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        return scope.read(tenant, () -> PageResponse.of(segments.page(tenant.value(), before, size + 1), size,
                this::response, row -> row.id().toString()));
    }

    SegmentWire.SegmentResponse get(Caller caller, String segmentId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> response(find(tenant, segmentId)));
    }

    SegmentWire.SegmentResponse update(Caller caller, String segmentId, SegmentWire.SegmentPatch patch,
                                       MergePatch members) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        if (members.removes("name")) {
            throw ProblemException.invalidField("name", io.parley.http.problem.ProblemMessages.CANNOT_REMOVE);
        }
        if (members.removes("definition")) {
            throw ProblemException.invalidField("definition", io.parley.http.problem.ProblemMessages.CANNOT_REMOVE);
        }
        return scope.write(tenant, () -> {
            SegmentRow current = Ids.parse(segmentId).flatMap(id -> segments.findForUpdate(tenant.value(), id))
                    .orElseThrow(SegmentService::notFound);
            if (patch.name() == null && patch.definition() == null) {
                return response(current);
            }
            String definition = patch.definition() == null ? current.definition()
                    : definitions.write(definitions.toCore(tenant.value(), patch.definition()));
            segments.update(tenant.value(), current.id(), patch.name() == null ? current.name() : patch.name().strip(),
                    definition);
            audit.record(tenant, caller.actor(), "segment.updated", "segment", current.id().toString(), Map.of());
            return response(segments.find(tenant.value(), current.id()).orElseThrow());
        });
    }

    void delete(Caller caller, String segmentId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            SegmentRow row = find(tenant, segmentId);
            segments.delete(tenant.value(), row.id());
            audit.record(tenant, caller.actor(), "segment.deleted", "segment", row.id().toString(), Map.of());
        });
    }

    SegmentWire.Preview preview(Caller caller, SegmentWire.Definition definition) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> preview(tenant, definitions.toCore(tenant.value(), definition)));
    }

    SegmentWire.Preview previewSaved(Caller caller, String segmentId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> preview(tenant, definitions.read(find(tenant, segmentId).definition())));
    }

    private SegmentWire.Preview preview(TenantId tenant, SegmentDefinition definition) {
        SegmentQuery.Counts counts = query.count(tenant.value(), definition);
        List<SegmentWire.SampleContact> sample = query.sample(tenant.value(), definition, SAMPLE).stream()
                .map(id -> contacts.find(tenant.value(), id)).flatMap(java.util.Optional::stream)
                .map(this::sample).toList();
        return new SegmentWire.Preview(counts.matching(), counts.reachable(), sample);
    }

    private SegmentWire.SampleContact sample(ContactRow row) {
        try {
            List<String> tags = json.readValue(row.tags(), Argument.listOf(String.class));
            return new SegmentWire.SampleContact(row.id().toString(), row.displayName(), row.tier(), tags);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SegmentRow find(TenantId tenant, String segmentId) {
        return Ids.parse(segmentId).flatMap(id -> segments.find(tenant.value(), id))
                .orElseThrow(SegmentService::notFound);
    }

    private SegmentWire.SegmentResponse response(SegmentRow row) {
        return new SegmentWire.SegmentResponse(row.id().toString(), row.name(),
                definitions.toWire(definitions.read(row.definition())), row.createdAt(), row.updatedAt());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Segment");
    }
}
