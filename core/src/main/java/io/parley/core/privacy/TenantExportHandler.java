package io.parley.core.privacy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.ServerRoles;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Builds one tenant export (job kind {@value #KIND}, args {@code {"exportId"}}); a re-run of a ready one does nothing. */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class TenantExportHandler implements JobHandler {

    public static final String KIND = "privacy.tenant_export";

    private final TenantScope scope;
    private final TenantExportRepository exports;
    private final JsonMapper json;

    TenantExportHandler(TenantScope scope, TenantExportRepository exports, JsonMapper json) {
        this.scope = scope;
        this.exports = exports;
        this.json = json;
    }

    @Serdeable
    record Args(UUID exportId) {
    }

    public static JobRequest job(UUID exportId) {
        return JobRequest.of(KIND, "{\"exportId\": \"" + exportId + "\"}").unique(KIND + ":" + exportId).maxAttempts(3);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        UUID exportId = job.args(json, Args.class, a -> a.exportId() != null, "no exportId").exportId();
        scope.writeVoid(job.tenant(), () -> exports.build(job.tenant().value(), exportId));
    }
}
