package io.parley.api.broadcast;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.broadcast.BroadcastJobs;
import io.parley.core.broadcast.BroadcastMessage;
import io.parley.core.broadcast.BroadcastPlanner;
import io.parley.core.broadcast.BroadcastQuota;
import io.parley.core.broadcast.BroadcastRow;
import io.parley.core.broadcast.BroadcastState;
import io.parley.core.broadcast.BroadcastStore;
import io.parley.core.broadcast.RecipientRow;
import io.parley.core.broadcast.RecipientStatus;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.segment.SegmentDefinition;
import io.parley.core.segment.SegmentRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Broadcasts (docs/broadcasts.md): every member reads them and their recipients; admins and owners create, send,
 * pause, resume, cancel and retry them (they choose who is messaged, and it costs quota).
 */
@Singleton
final class BroadcastService {

    static final String NOT_DRAFT = "Only a draft broadcast can be sent; this one is %s.";
    static final String CANNOT = "A %s broadcast cannot be %s.";
    static final String SEGMENT_GONE = "The broadcast's segment was deleted; create the broadcast again with another.";
    static final String QUOTA = "The %s plan allows %s broadcast recipients a month; this broadcast would make it %s.";

    private final TenantScope scope;
    private final BroadcastStore broadcasts;
    private final RecipientStore recipients;
    private final BroadcastPlanner planner;
    private final BroadcastQuota quota;
    private final BroadcastJobs jobs;
    private final SegmentRepository segments;
    private final BroadcastChannels broadcastChannels;
    private final BroadcastEstimates estimates;
    private final AuditLog audit;
    private final JsonMapper json;

    BroadcastService(TenantScope scope, BroadcastStore broadcasts, RecipientStore recipients, BroadcastPlanner planner,
                     BroadcastQuota quota, BroadcastJobs jobs, SegmentRepository segments,
                     BroadcastChannels broadcastChannels, BroadcastEstimates estimates, AuditLog audit,
                     JsonMapper json) {
        this.scope = scope;
        this.broadcasts = broadcasts;
        this.recipients = recipients;
        this.planner = planner;
        this.quota = quota;
        this.jobs = jobs;
        this.segments = segments;
        this.broadcastChannels = broadcastChannels;
        this.estimates = estimates;
        this.audit = audit;
        this.json = json;
    }

    BroadcastWire.BroadcastResponse create(Caller caller, BroadcastWire.BroadcastCreate request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.write(tenant, () -> {
            UUID t = tenant.value();
            UUID segment = Ids.parse(request.segmentId()).filter(id -> segments.find(t, id).isPresent())
                    .orElseThrow(() -> ProblemException.notFound("Segment"));
            List<ChannelRow> resolved = broadcastChannels.resolve(t, request.channelIds());
            List<UUID> channelIds = resolved.stream().map(ChannelRow::id).toList();
            List<ChannelType> types = resolved.stream().map(ChannelRow::channelType).toList();
            BroadcastMessage message = BroadcastMessages.toCore(request.message(), types);
            UUID id = Ids.next();
            broadcasts.insert(t, id, request.name().strip(), segment, channelIds, write(message),
                    request.quietHours() == null ? null : write(request.quietHours()),
                    caller.actor().label());
            audit.record(tenant, caller.actor(), "broadcast.created", "broadcast", id.toString(),
                    Map.of("segmentId", segment.toString(), "channels", channelIds.size()));
            return response(t, broadcasts.find(t, id).orElseThrow());
        });
    }

    PageResponse<BroadcastWire.BroadcastResponse> list(Caller caller, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        return scope.read(tenant, () -> PageResponse.of(broadcasts.page(tenant.value(), before, size + 1), size,
                row -> response(tenant.value(), row), row -> row.id().toString()));
    }

    BroadcastWire.BroadcastResponse get(Caller caller, String id) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> response(tenant.value(), find(tenant, id, false)));
    }

    /** Plans the recipients, checks the quota and schedules the first run (now, or at {@code scheduledAt}). */
    BroadcastWire.BroadcastResponse send(Caller caller, String id, Instant scheduledAt) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        estimates.requireLineQuota(tenant, id);
        try {
            return scope.write(tenant, () -> {
                UUID t = tenant.value();
                BroadcastRow row = find(tenant, id, true);
                if (row.state() != BroadcastState.DRAFT) {
                    throw ProblemException.conflict(NOT_DRAFT.formatted(row.state().wireName()));
                }
                SegmentDefinition definition = row.segmentId() == null ? null : segments.find(t, row.segmentId())
                        .map(segment -> read(segment.definition(), SegmentDefinition.class)).orElse(null);
                if (definition == null) {
                    throw ProblemException.conflict(SEGMENT_GONE);
                }
                BroadcastPlanner.Planned planned = planner.plan(t, row.id(), definition, row.channelIds(),
                        read(row.messageJson(), BroadcastMessage.class));
                long count = broadcasts.counts(t, row.id()).values().stream().mapToLong(Long::longValue).sum();
                Instant at = scheduledAt == null || scheduledAt.isBefore(Instant.now()) ? Instant.now() : scheduledAt;
                broadcasts.scheduled(t, row.id(), at, (int) count, planned.optedOut());
                quota.require(t, at);
                jobs.enqueue(tenant, row.id(), scheduledAt == null ? null : at);
                audit.record(tenant, caller.actor(), scheduledAt == null ? "broadcast.sent" : "broadcast.scheduled",
                        "broadcast", row.id().toString(), Map.of("recipients", count, "optedOut",
                                planned.optedOut(), "scheduledAt", at.toString()));
                return response(t, broadcasts.find(t, row.id()).orElseThrow());
            });
        } catch (BroadcastQuota.Exceeded exceeded) {
            String detail = QUOTA.formatted(exceeded.planName(), exceeded.max(), exceeded.used());
            throw new ProblemException(ProblemKind.PLAN_LIMIT_REACHED, HttpStatus.PAYMENT_REQUIRED, detail,
                    List.of(new Problem.FieldError("plan.maxBroadcastRecipientsPerMonth", detail)), Map.of());
        }
    }

    BroadcastWire.BroadcastResponse pause(Caller caller, String id) {
        return change(caller, id, "paused", (tenant, row) -> {
            if (!BroadcastState.PAUSABLE.contains(row.state())) {
                throw ProblemException.conflict(CANNOT.formatted(row.state().wireName(), "paused"));
            }
            broadcasts.transition(tenant.value(), row.id(), List.copyOf(BroadcastState.PAUSABLE),
                    BroadcastState.PAUSED, null);
        });
    }

    BroadcastWire.BroadcastResponse resume(Caller caller, String id) {
        return change(caller, id, "resumed", (tenant, row) -> {
            if (row.state() != BroadcastState.PAUSED) {
                throw ProblemException.conflict(CANNOT.formatted(row.state().wireName(), "resumed"));
            }
            boolean notYet = row.startedAt() == null && row.scheduledAt() != null
                    && row.scheduledAt().isAfter(Instant.now());
            broadcasts.transition(tenant.value(), row.id(), List.of(BroadcastState.PAUSED),
                    notYet ? BroadcastState.SCHEDULED : BroadcastState.RUNNING, null);
            jobs.enqueue(tenant, row.id(), notYet ? row.scheduledAt() : null);
        });
    }

    BroadcastWire.BroadcastResponse cancel(Caller caller, String id) {
        return change(caller, id, "cancelled", (tenant, row) -> {
            if (!BroadcastState.CANCELLABLE.contains(row.state())) {
                throw ProblemException.conflict(CANNOT.formatted(row.state().wireName(), "cancelled"));
            }
            broadcasts.transition(tenant.value(), row.id(), List.copyOf(BroadcastState.CANCELLABLE),
                    BroadcastState.CANCELLED, null);
            recipients.cancelQueued(tenant.value(), row.id());
        });
    }

    BroadcastWire.BroadcastResponse retryFailed(Caller caller, String id) {
        return change(caller, id, "retried", (tenant, row) -> {
            if (row.state() == BroadcastState.DRAFT || row.state() == BroadcastState.CANCELLED
                    || row.state() == BroadcastState.SCHEDULED) {
                throw ProblemException.conflict(CANNOT.formatted(row.state().wireName(), "retried"));
            }
            int again = recipients.retryFailed(tenant.value(), row.id());
            if (again > 0 && row.state() == BroadcastState.COMPLETED) {
                broadcasts.transition(tenant.value(), row.id(), List.of(BroadcastState.COMPLETED),
                        BroadcastState.RUNNING, null);
            }
            if (again > 0 && row.state() != BroadcastState.PAUSED) {
                jobs.enqueue(tenant, row.id(), null);
            }
        });
    }

    PageResponse<BroadcastWire.Recipient> recipients(Caller caller, String id, String status, String cursor,
                                                     Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        if (status != null && !RecipientStatus.ALL.contains(status)) {
            throw ProblemException.invalidField("status", "must be one of " + String.join(", ", RecipientStatus.ALL));
        }
        int size = Cursor.limit(limit);
        long after = Cursor.afterNumber(cursor, 0);
        return scope.read(tenant, () -> {
            BroadcastRow row = find(tenant, id, false);
            return PageResponse.of(recipients.page(tenant.value(), row.id(), status, after, size + 1), size,
                    BroadcastService::recipient, r -> Long.toString(r.id()));
        });
    }

    private interface Change {
        void apply(TenantId tenant, BroadcastRow row);
    }

    private BroadcastWire.BroadcastResponse change(Caller caller, String id, String verb, Change change) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.write(tenant, () -> {
            BroadcastRow row = find(tenant, id, true);
            change.apply(tenant, row);
            audit.record(tenant, caller.actor(), "broadcast." + verb, "broadcast", row.id().toString(), Map.of());
            return response(tenant.value(), broadcasts.find(tenant.value(), row.id()).orElseThrow());
        });
    }

    private BroadcastRow find(TenantId tenant, String id, boolean forUpdate) {
        return Ids.parse(id).flatMap(uuid -> forUpdate ? broadcasts.findForUpdate(tenant.value(), uuid)
                : broadcasts.find(tenant.value(), uuid)).orElseThrow(() -> ProblemException.notFound("Broadcast"));
    }

    private BroadcastWire.BroadcastResponse response(UUID tenant, BroadcastRow row) {
        Map<String, Long> counts = broadcasts.counts(tenant, row.id());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long open = counts.get(RecipientStatus.QUEUED) + counts.get(RecipientStatus.SENDING);
        int progress = total == 0 ? (row.state() == BroadcastState.COMPLETED ? 100 : 0)
                : (int) ((total - open) * 100 / total);
        return new BroadcastWire.BroadcastResponse(row.id().toString(), row.name(),
                row.segmentId() == null ? null : row.segmentId().toString(),
                row.channelIds().stream().map(UUID::toString).toList(),
                BroadcastMessages.toWire(read(row.messageJson(), BroadcastMessage.class)),
                row.quietHoursJson() == null ? null : read(row.quietHoursJson(), BroadcastWire.QuietHours.class),
                row.state().wireName(), row.stateReason(), row.scheduledAt(), row.startedAt(), row.finishedAt(),
                new BroadcastWire.Stats(total, row.optedOutCount(), counts, progress), row.createdAt(),
                row.updatedAt());
    }

    private static BroadcastWire.Recipient recipient(RecipientRow row) {
        return new BroadcastWire.Recipient(Long.toString(row.id()), row.contactId().toString(),
                row.channelId().toString(), row.externalUserId(), row.status(), row.reason(),
                row.providerMessageId(), row.sentAt(), row.updatedAt());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
