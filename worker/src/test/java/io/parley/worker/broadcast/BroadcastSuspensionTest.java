package io.parley.worker.broadcast;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.admin.TenantSuspensions;
import io.parley.core.broadcast.BroadcastJobs;
import io.parley.core.broadcast.BroadcastState;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.SuperuserSql;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suspended tenant's broadcast (docs/operator-console.md, "Suspending a tenant"): its send job is held and nobody is
 * messaged; the resume enqueues the job again on the broadcast's key and priority, and every recipient is then
 * messaged once.
 */
@MicronautTest(transactional = false)
class BroadcastSuspensionTest extends BroadcastTest {

    @Inject
    TenantSuspensions suspensions;

    @Test
    void aSuspendedTenantsBroadcastMessagesNobodyUntilTheResumeThenEveryoneOnce() throws Exception {
        Sent sent = broadcast(whatsapp(), 2, TEXT, Instant.now());
        TenantId tenant = sent.chat().tenant();
        scope.asPlatform(tenant, () -> suspensions.suspend(tenant, "Unpaid", "ops@example.com"));
        long job = SuperuserSql.number("INSERT INTO jobs (tenant_id, kind, args, serial_key, priority) "
                + "VALUES (?, ?, CAST(? AS jsonb), ?, ?) RETURNING id", tenant.value(), BroadcastJobs.KIND,
                BroadcastJobs.args(sent.broadcast()), "broadcast:" + sent.broadcast(), BroadcastJobs.PRIORITY);

        runJob(tenant, job, sent);

        assertThat(messagesTo(sent, recipientsOf(sent))).as("nobody messaged while suspended").isEmpty();
        assertThat(row(sent).state()).isEqualTo(BroadcastState.SCHEDULED);

        assertThat(scope.asPlatform(tenant, () -> suspensions.resume(tenant)))
                .contains(new TenantSuspensions.Resumed(0, 1));

        long resumed = SuperuserSql.number("SELECT id FROM jobs WHERE tenant_id = ? AND kind = ? AND serial_key = ? "
                + "AND priority = ? AND unique_key LIKE 'resumed-job:%'", tenant.value(), BroadcastJobs.KIND,
                "broadcast:" + sent.broadcast(), BroadcastJobs.PRIORITY);
        runJob(tenant, resumed, sent);
        runJob(tenant, resumed, sent); // run twice (a retried job): nobody messaged twice

        assertThat(messagesTo(sent, recipientsOf(sent))).hasSize(3);
        assertThat(recipientsOf(sent)).allSatisfy(r -> assertThat(r.status()).isEqualTo("sent"));
        assertThat(row(sent).state()).isEqualTo(BroadcastState.COMPLETED);
        assertThat(SuperuserSql.number("SELECT count(*) FROM held_jobs WHERE tenant_id = ?", tenant.value())).isZero();
    }

    private void runJob(TenantId tenant, long id, Sent sent) throws Exception {
        JobHandler handler = context.getBeansOfType(JobHandler.class).stream()
                .filter(h -> h.kind().equals(BroadcastJobs.KIND)).findFirst().orElseThrow();
        handler.run(new Job(id, tenant, BroadcastJobs.KIND, BroadcastJobs.args(sent.broadcast()), 1, 25));
    }
}
