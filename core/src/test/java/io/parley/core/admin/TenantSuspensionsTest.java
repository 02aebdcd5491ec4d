package io.parley.core.admin;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.queue.Job;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.testing.SuperuserSql;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which turns a suspension holds, and how soon a suspension made elsewhere counts (docs/operator-console.md). */
@MicronautTest(transactional = false)
class TenantSuspensionsTest implements DatabaseTest {

    @Inject
    TenantSuspensions suspensions;
    @Inject
    TenantScope scope;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.admin.suspension-refresh", "2s");
        return properties;
    }

    @Test
    void aSuspensionMadeByAnotherProcessCountsAfterTheRefreshInterval() throws InterruptedException {
        TenantId tenant = tenant();
        assertThat(suspensions.holds(tenant, 1, Ids.next())).isFalse(); // this process now knows of no suspension

        SuperuserSql.execute("INSERT INTO tenant_suspensions (tenant_id, reason, suspended_by) VALUES (?, 'x', 'y')",
                tenant.value());

        assertThat(suspensions.holds(tenant, 1, Ids.next())).as("not yet: the snapshot is fresh").isFalse();
        Thread.sleep(2_500);
        assertThat(suspensions.holds(tenant, 1, Ids.next())).as("after the refresh interval").isTrue();
    }

    @Test
    void aResumeEnqueuesTheHeldTurnsInTheOrderTheyCameOnTheirConversationsKey() {
        TenantId tenant = tenant();
        UUID first = Ids.next();
        UUID second = Ids.next();
        long job = SuperuserSql.number("INSERT INTO jobs (tenant_id, kind, args, serial_key) "
                + "VALUES (?, 'inbound.turn', '{}', 'conv:c:u') RETURNING id", tenant.value());
        scope.asPlatform(tenant, () -> suspensions.suspend(tenant, "Unpaid", "ops@example.com"));

        assertThat(suspensions.holds(tenant, job, first)).isTrue();
        assertThat(suspensions.holds(tenant, job, second)).isTrue();
        assertThat(suspensions.holds(tenant(), job, Ids.next())).as("another tenant runs its turns").isFalse();

        assertThat(scope.asPlatform(tenant, () -> suspensions.resume(tenant)))
                .contains(new TenantSuspensions.Resumed(2, 0));

        assertThat(SuperuserSql.number("SELECT count(*) FROM jobs WHERE tenant_id = ? AND kind = 'inbound.turn' "
                + "AND serial_key = 'conv:c:u' AND args ->> 'eventId' IN (?, ?)", tenant.value(), first.toString(),
                second.toString())).isEqualTo(2);
        assertThat(SuperuserSql.number("SELECT count(*) FROM jobs a JOIN jobs b ON b.tenant_id = a.tenant_id "
                + "WHERE a.args ->> 'eventId' = ? AND b.args ->> 'eventId' = ? AND a.id < b.id",
                first.toString(), second.toString())).as("first held, first enqueued").isEqualTo(1);
        assertThat(SuperuserSql.number("SELECT count(*) FROM held_turns WHERE tenant_id = ?", tenant.value()))
                .isZero();
        assertThat(suspensions.holds(tenant, job, Ids.next())).as("resumed").isFalse();
        assertThat(scope.asPlatform(tenant, () -> suspensions.resume(tenant))).as("not suspended").isEmpty();
    }

    @Test
    void heldBroadcastSendsAndTriggerRunsAreEnqueuedAgainWithTheTurnsInTheOrderTheyWereHeld() {
        TenantId tenant = tenant();
        long broadcast = SuperuserSql.number("INSERT INTO jobs (tenant_id, kind, args, serial_key, priority, "
                + "max_attempts) VALUES (?, 'broadcast.send', '{\"broadcastId\":\"b1\"}', 'broadcast:b1', -10, 25) "
                + "RETURNING id", tenant.value());
        long turnJob = SuperuserSql.number("INSERT INTO jobs (tenant_id, kind, args, serial_key) "
                + "VALUES (?, 'inbound.turn', '{}', 'conv:c:u') RETURNING id", tenant.value());
        Job trigger = new Job(9_999_999L, tenant, "trigger.run", "{\"runId\":\"r1\"}", 1, 10);
        UUID event = Ids.next();
        scope.asPlatform(tenant, () -> suspensions.suspend(tenant, "Unpaid", "ops@example.com"));

        assertThat(suspensions.holds(new Job(broadcast, tenant, "broadcast.send", "{\"broadcastId\":\"b1\"}", 1, 25)))
                .isTrue();
        assertThat(suspensions.holds(tenant, turnJob, event)).isTrue();
        assertThat(suspensions.holds(trigger)).as("a job no longer in the queue is held as it was claimed").isTrue();
        assertThat(suspensions.holds(new Job(broadcast, tenant(), "broadcast.send", "{}", 1, 25)))
                .as("another tenant's job runs").isFalse();

        assertThat(scope.asPlatform(tenant, () -> suspensions.resume(tenant)))
                .contains(new TenantSuspensions.Resumed(1, 2));

        assertThat(SuperuserSql.number("SELECT count(*) FROM jobs WHERE tenant_id = ? AND kind = 'broadcast.send' "
                + "AND serial_key = 'broadcast:b1' AND priority = -10 AND max_attempts = 25 "
                + "AND unique_key LIKE 'resumed-job:%'", tenant.value())).isEqualTo(1);
        assertThat(SuperuserSql.number("""
                SELECT count(*) FROM jobs b, jobs t, jobs r
                WHERE b.tenant_id = ? AND t.tenant_id = b.tenant_id AND r.tenant_id = b.tenant_id
                  AND b.kind = 'broadcast.send' AND b.unique_key LIKE 'resumed-job:%'
                  AND t.args ->> 'eventId' = ? AND r.kind = 'trigger.run' AND r.args ->> 'runId' = 'r1'
                  AND b.id < t.id AND t.id < r.id""", tenant.value(), event.toString()))
                .as("in the order they were held").isEqualTo(1);
        assertThat(SuperuserSql.number("SELECT count(*) FROM held_jobs WHERE tenant_id = ?", tenant.value())).isZero();
        assertThat(suspensions.holds(trigger)).as("resumed").isFalse();
    }

    private static TenantId tenant() {
        UUID id = Ids.next();
        SuperuserSql.execute("INSERT INTO tenants (id, name) VALUES (?, 'Suspensions')", id);
        return new TenantId(id);
    }
}
