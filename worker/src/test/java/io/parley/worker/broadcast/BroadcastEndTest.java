package io.parley.worker.broadcast;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.alert.AlertRuleRepository;
import io.parley.core.broadcast.BroadcastJobs;
import io.parley.core.broadcast.BroadcastState;
import io.parley.core.broadcast.RecipientRow;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.channel.ChannelType;
import io.parley.core.ratelimit.SendGovernor;
import io.parley.core.tenancy.Ids;
import io.parley.core.testing.Fixtures;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A broadcast never stays running with nobody sending: a job's last failed attempt fails what is left and completes
 * it, and a broadcast whose job was discarded is completed or run once more by the rescue. A broadcast send refused
 * for its credentials raises the same credentials alert as a live send. Idle governor buckets are deleted.
 */
@MicronautTest(transactional = false)
class BroadcastEndTest extends BroadcastTest {

    private static final String UNAVAILABLE = "{\"error\":{\"code\":2,\"message\":\"Service temporarily unavailable\"}}";

    @Inject
    BroadcastRescue rescue;
    @Inject
    BroadcastJobs jobs;
    @Inject
    AlertRuleRepository alertRules;
    @Inject
    SendGovernor governor;
    @Inject
    io.parley.core.channel.ChannelRepository channelRows;
    @Inject
    io.parley.worker.outbound.governor.IdleBucketCleanup cleanup;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.outbound.rates.idle-bucket-retention", "30s");
        return properties;
    }

    @Test
    void theLastFailedAttemptFailsTheRecipientsLeftAndCompletesTheBroadcast() throws Exception {
        Sent sent = broadcast(whatsapp(), 2, SAME_FOR_ALL, Instant.now());
        for (int i = 0; i < 3; i++) {
            fake.script("/messages", 503, UNAVAILABLE);
        }

        assertThatThrownBy(() -> run(sent, 25, 25)).isNotNull();

        assertThat(row(sent).state()).isEqualTo(BroadcastState.COMPLETED);
        assertThat(recipientsOf(sent)).hasSize(3).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("failed");
            assertThat(r.reason()).contains("gave up after 25 attempts");
        });
    }

    @Test
    void anEarlierFailedAttemptLeavesTheBroadcastRunningForTheRetry() throws Exception {
        Sent sent = broadcast(whatsapp(), 0, SAME_FOR_ALL, Instant.now());
        fake.script("/messages", 503, UNAVAILABLE);

        assertThatThrownBy(() -> run(sent, 3, 25)).isNotNull();

        assertThat(row(sent).state()).isEqualTo(BroadcastState.RUNNING);
        assertThat(recipientsOf(sent)).extracting(RecipientRow::status).containsOnly("queued");
    }

    @Test
    void aRunningBroadcastWhoseRecipientsAllFinishedButWhoseJobWasDiscardedIsCompletedByTheRescue() {
        Sent sent = running(broadcast(whatsapp(), 1, SAME_FOR_ALL, Instant.now()));
        scope.writeVoid(sent.chat().tenant(), () -> {
            List<RecipientRow> all = recipients.claim(sent.chat().tenant().value(), sent.broadcast(),
                    sent.chat().channel().id(), 10, Ids.next());
            recipients.markSent(sent.chat().tenant().value(), sent.broadcast(), all.getFirst().id(), "wamid.1");
            recipients.markFailed(sent.chat().tenant().value(), sent.broadcast(), List.of(all.getLast().id()),
                    "WhatsApp error 131026");
        });
        discardedJob(sent);

        rescue.rescue();

        assertThat(row(sent).state()).isEqualTo(BroadcastState.COMPLETED);
        assertThat(broadcastJobs(sent)).extracting(job -> job.get("state")).containsOnly("discarded");
    }

    @Test
    void aRunningBroadcastWithRecipientsLeftAndADiscardedJobGetsOneMoreSingleAttemptRunOnce() {
        Sent sent = running(broadcast(whatsapp(), 1, SAME_FOR_ALL, Instant.now()));
        discardedJob(sent);

        rescue.rescue();
        rescue.rescue();

        List<Map<String, Object>> live = broadcastJobs(sent).stream()
                .filter(job -> "available".equals(job.get("state"))).toList();
        assertThat(live).hasSize(1);
        assertThat(live.getFirst().get("max_attempts")).isEqualTo(1);
        assertThat(row(sent).state()).isEqualTo(BroadcastState.RUNNING);
    }

    @Test
    void aBroadcastWhoseCredentialsAreRejectedMarksTheChannelUnhealthyAndRaisesTheCredentialsAlert()
            throws Exception {
        Chat chat = chat(ChannelType.WHATSAPP, Map.of("phoneNumberId", "pn-rejected-" + Ids.next(),
                "accessToken", "wa-token"), "886900000001");
        scope.writeVoid(chat.tenant(), () -> alertRules.insert(chat.tenant().value(), Ids.next(),
                "credentials_rejected", true, null, null, null, null, null));
        Sent sent = broadcast(chat, 0, SAME_FOR_ALL, Instant.now());
        fake.script("/messages", 401, Fixtures.text("whatsapp-error-190.json"));

        run(sent);

        assertThat(row(sent).state()).isEqualTo(BroadcastState.PAUSED);
        assertThat(notificationKinds(chat)).contains("broadcast.paused", "alert.credentials_rejected");
        assertThat(scope.read(chat.tenant(), () -> channelRows.find(chat.tenant().value(), chat.channel().botId(),
                chat.channel().id()).orElseThrow().health())).isEqualTo("unhealthy");
    }

    @Test
    void governorBucketsUnusedForTheConfiguredRetentionAreDeletedAndOthersKept() throws Exception {
        String idle = "whatsapp:idle-" + Ids.next();
        String busy = "whatsapp:busy-" + Ids.next();
        governor.tryTake(idle, 80, 1, SendGovernor.Priority.LIVE);
        governor.tryTake(busy, 80, 1, SendGovernor.Priority.LIVE);
        try (Connection connection = TestDatabase.shared().openSuperuserConnection()) {
            connection.createStatement().executeUpdate("UPDATE send_rate_buckets SET refreshed_at = now()"
                    + " - interval '2 minutes' WHERE key = '" + idle + "'");
        }

        cleanup.clean();

        assertThat(bucketKeys()).contains(busy).doesNotContain(idle);
    }

    private Sent running(Sent sent) {
        scope.writeVoid(sent.chat().tenant(), () -> broadcasts.transition(sent.chat().tenant().value(),
                sent.broadcast(), List.of(BroadcastState.SCHEDULED), BroadcastState.RUNNING, null));
        return sent;
    }

    /** The broadcast's job, discarded by the queue (e.g. its worker died during its last attempt). */
    private void discardedJob(Sent sent) {
        scope.writeVoid(sent.chat().tenant(), () -> jobs.enqueue(sent.chat().tenant(), sent.broadcast(), null));
        try (Connection connection = TestDatabase.shared().openSuperuserConnection()) {
            connection.createStatement().executeUpdate("UPDATE jobs SET state = 'discarded', finalized_at = now()"
                    + " WHERE serial_key = 'broadcast:" + sent.broadcast() + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> broadcastJobs(Sent sent) {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT state, max_attempts, unique_key"
                     + " FROM jobs WHERE serial_key = 'broadcast:" + sent.broadcast() + "' ORDER BY id")) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (rows.next()) {
                out.add(Map.of("state", rows.getString(1), "max_attempts", rows.getInt(2)));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> bucketKeys() throws java.sql.SQLException {
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT key FROM send_rate_buckets")) {
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys;
        }
    }
}
