package io.parley.worker.trigger;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.contact.ContactRepository;
import io.parley.core.flow.FlowRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.trigger.TriggerScan;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan timer and the scan's settings: parley.triggers.scan-interval and parley.triggers.schedule-catch-up. */
@MicronautTest(transactional = false)
class TriggerTimerTest extends WorkerTest {

    /** 2026-01-05T09:00:00Z, a multiple of ten minutes. */
    private static final Instant NINE = Instant.parse("2026-01-05T09:00:00Z");

    @Inject
    TriggerTimer timer;
    @Inject
    TriggerScan scan;
    @Inject
    FlowRepository flows;
    @Inject
    ContactRepository contacts;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.triggers.scan-interval", "10m");
        properties.put("parley.triggers.schedule-catch-up", "5m");
        return properties;
    }

    @Test
    void theTimersOfAllReplicasMakeOneScanJobPerTenantAndInterval() {
        Channels.Created channel = channels().telegram();
        schedule(channel, "0 9 * * *");

        timer.enqueue(NINE.plusSeconds(60));
        timer.enqueue(NINE.plusSeconds(300)); // another replica, same ten minutes
        timer.enqueue(NINE.plusSeconds(660)); // the next interval

        assertThat(rows().query("SELECT unique_key FROM jobs WHERE tenant_id = ? AND kind = 'trigger.scan' "
                + "AND unique_key IN (?, ?, ?) ORDER BY id", channel.tenant().value(), key(0), key(1), key(2)))
                .extracting(row -> row.get("unique_key"))
                .containsExactly(key(0), key(1));
    }

    /** The scan job's unique key in the n-th ten-minute interval from NINE. */
    private static String key(int n) {
        return "trigger.scan:" + (NINE.toEpochMilli() / 600_000 + n);
    }

    @Test
    void anOccurrenceIsSentWithinTheCatchUpAndDroppedAfterIt() {
        Channels.Created late = channels().telegram();
        schedule(late, "0 9 * * *");
        contact(late, "7001");
        Channels.Created onTime = channels().telegram();
        schedule(onTime, "0 9 * * *");
        contact(onTime, "7002");

        int dropped = scan.scan(late.tenant(), NINE.plusSeconds(6 * 60));
        int sent = scan.scan(onTime.tenant(), NINE.plusSeconds(4 * 60));

        assertThat(dropped).isZero();
        assertThat(sent).isOne();
    }

    private void schedule(Channels.Created channel, String cron) {
        TenantId tenant = channel.tenant();
        UUID flow = Ids.next();
        scope.writeVoid(tenant, () -> {
            flows.insert(tenant.value(), flow, channel.bot(), "Daily", true, 0, "schedule",
                    "{\"cron\": \"" + cron + "\"}", "[{\"type\": \"text\", \"text\": \"Good morning!\"}]", null);
        });
        rows().query("UPDATE flows SET created_at = '2025-01-01T00:00:00Z' WHERE id = ? RETURNING id", flow);
    }

    private void contact(Channels.Created channel, String user) {
        UUID id = scope.write(channel.tenant(), () -> contacts.upsertByIdentity(channel.tenant().value(),
                channel.id(), user, null, null).contact().id());
        rows().query("UPDATE contacts SET created_at = '2025-01-01T00:00:00Z' WHERE id = ? RETURNING id", id);
    }
}
