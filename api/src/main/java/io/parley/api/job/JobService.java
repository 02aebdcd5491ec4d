package io.parley.api.job;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRepository;
import io.parley.core.queue.JobRow;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The tenant's jobs, for admins: see what failed and why, and run a discarded job again. */
@Singleton
final class JobService {

    private static final Pattern JOB_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final TenantScope scope;
    private final JobRepository jobs;
    private final JobQueue queue;
    private final AuditLog audit;
    private final JsonMapper json;

    JobService(TenantScope scope, JobRepository jobs, JobQueue queue, AuditLog audit, JsonMapper json) {
        this.scope = scope;
        this.jobs = jobs;
        this.queue = queue;
        this.audit = audit;
        this.json = json;
    }

    PageResponse<JobWire.JobResponse> list(Caller caller, String state, String kind, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        if (state != null && !JobRow.STATES.contains(state)) {
            throw ProblemException.invalidField("state", "must be one of " + String.join(", ", JobRow.STATES));
        }
        int size = Cursor.limit(limit);
        long before = Cursor.afterNumber(cursor, Long.MAX_VALUE);
        String kindFilter = kind == null || kind.isBlank() ? null : kind;
        return scope.read(tenant, () -> PageResponse.of(jobs.page(tenant.value(), before, state, kindFilter, size + 1),
                size, this::toResponse, row -> Long.toString(row.id())));
    }

    /** Discarded or cancelled → available with attempts reset (the error history stays); 409 otherwise. */
    JobWire.JobResponse retry(Caller caller, String jobId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        long id = parse(jobId).orElseThrow(() -> ProblemException.notFound("Job"));
        return scope.write(tenant, () -> {
            JobRow job = jobs.find(tenant.value(), id).orElseThrow(() -> ProblemException.notFound("Job"));
            // The update re-checks the state, so of two concurrent retries one wins and the other gets 409.
            if (!job.canBeRetried() || jobs.retry(tenant.value(), id) == 0) {
                throw ProblemException.conflict("Only discarded or cancelled jobs can be retried; this one is "
                        + job.state() + ".");
            }
            queue.wake();
            audit.record(tenant, caller.actor(), "job.retried", "job", Long.toString(id),
                    Map.of("kind", job.kind(), "from", job.state(), "attempts", job.attempt()));
            return toResponse(jobs.find(tenant.value(), id).orElseThrow());
        });
    }

    /** Job ids are positive bigints; anything else names no job (404, like a malformed UUID elsewhere). */
    private static Optional<Long> parse(String text) {
        return text != null && JOB_ID.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    private JobWire.JobResponse toResponse(JobRow row) {
        return new JobWire.JobResponse(Long.toString(row.id()), row.kind(), row.state(), row.attempt(),
                row.maxAttempts(), row.priority(), redacted(read(row.args(), Argument.mapOf(String.class, Object.class))),
                row.scheduledAt(), row.attemptedAt(), row.finalizedAt(), errors(row.errors()), row.createdAt());
    }

    /** Args hold ids, but a few carry short-lived credentials (a LINE reply token): never shown. */
    private static Map<String, Object> redacted(Map<String, Object> args) {
        Map<String, Object> shown = new LinkedHashMap<>();
        args.forEach((key, value) -> {
            String name = key.toLowerCase(Locale.ROOT);
            boolean secret = name.contains("token") || name.contains("secret") || name.contains("password");
            shown.put(key, secret && value != null ? "<redacted>" : value);
        });
        return shown;
    }

    private List<JobWire.JobError> errors(String text) {
        List<Map<String, Object>> entries = read(text, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        return entries.stream().map(entry -> new JobWire.JobError(
                entry.get("at") == null ? null : OffsetDateTime.parse(entry.get("at").toString()).toInstant(),
                entry.get("attempt") instanceof Number n ? n.intValue() : 0,
                String.valueOf(entry.get("error")))).toList();
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
