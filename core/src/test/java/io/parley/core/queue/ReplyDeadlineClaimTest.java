package io.parley.core.queue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload without paid pushes (docs/architecture/queue.md, "Reply deadlines"): while turns wait, those whose LINE
 * reply token is still in its window are claimed first, earliest token first; a turn whose window passed cannot win
 * anything by going first, so it waits behind them. Within a conversation the order stays FIFO.
 */
@MicronautTest(transactional = false)
class ReplyDeadlineClaimTest extends QueueTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    @Test
    void inABacklogTurnsInTheirReplyWindowGoFirstWhileExpiredOnesWait() {
        TenantId tenant = newTenant();
        String kind = kind("backlog");
        Instant now = Instant.now();
        List<Long> expired = List.of(
                enqueue(tenant, turn(kind, "conv:a", now.minusSeconds(300))),
                enqueue(tenant, turn(kind, "conv:b", now.minusSeconds(120))),
                enqueue(tenant, turn(kind, "conv:c", now.minusSeconds(51))));
        long fresh1 = enqueue(tenant, turn(kind, "conv:d", now.minusSeconds(2)));
        long fresh2 = enqueue(tenant, turn(kind, "conv:e", now.minusSeconds(1)));

        List<Job> first = store.claim("w1", List.of(kind), 2, LEASE);
        List<Job> then = store.claim("w1", List.of(kind), 10, LEASE);

        assertThat(first).extracting(Job::id).containsExactly(fresh1, fresh2);
        assertThat(then).extracting(Job::id).containsExactlyElementsOf(expired);
    }

    @Test
    void theOldestFreshTokenIsClaimedFirstWhateverTheEnqueueOrder() {
        TenantId tenant = newTenant();
        String kind = kind("earliest");
        Instant now = Instant.now();
        enqueue(tenant, turn(kind, "conv:late", now.minusSeconds(1)));
        long urgent = enqueue(tenant, turn(kind, "conv:early", now.minusSeconds(40)));

        assertThat(store.claim("w1", List.of(kind), 1, LEASE)).extracting(Job::id).containsExactly(urgent);
    }

    @Test
    void aConversationWithAFreshMessageBehindExpiredOnesRunsItsOldestJobFirst() {
        TenantId tenant = newTenant();
        String kind = kind("fifo");
        Instant now = Instant.now();
        long otherExpired = enqueue(tenant, turn(kind, "conv:other", now.minusSeconds(600)));
        long oldest = enqueue(tenant, turn(kind, "conv:x", now.minusSeconds(300)));
        long middle = enqueue(tenant, turn(kind, "conv:x", now.minusSeconds(200)));
        long fresh = enqueue(tenant, turn(kind, "conv:x", now.minusSeconds(1)));

        Job head = store.claim("w1", List.of(kind), 1, LEASE).getFirst();
        assertThat(head.id()).as("the fresh token's conversation goes first, oldest job first").isEqualTo(oldest);
        assertThat(store.claim("w2", List.of(kind), 10, LEASE)).as("nothing else of conv:x while its head runs")
                .extracting(Job::id).containsExactly(otherExpired);

        store.complete("w1", List.of(head));
        assertThat(store.claim("w1", List.of(kind), 10, LEASE)).extracting(Job::id).containsExactly(middle);
        assertThat(row(tenant, fresh).state()).isEqualTo("available");
    }

    @Test
    void aConversationWhoseJobIsRunningLeavesTheClaimToTheNextFreshConversation() {
        TenantId tenant = newTenant();
        String kind = kind("running");
        Instant now = Instant.now();
        long busy = enqueue(tenant, turn(kind, "conv:busy", now.minusSeconds(30)));
        Job running = store.claim("w1", List.of(kind), 1, LEASE).getFirst();
        assertThat(running.id()).isEqualTo(busy);
        enqueue(tenant, turn(kind, "conv:busy", now.minusSeconds(20)));
        long expired = enqueue(tenant, turn(kind, "conv:old", now.minusSeconds(90)));
        long next = enqueue(tenant, turn(kind, "conv:next", now.minusSeconds(10)));

        assertThat(store.claim("w2", List.of(kind), 1, LEASE)).extracting(Job::id).containsExactly(next);
        assertThat(store.claim("w2", List.of(kind), 1, LEASE)).extracting(Job::id).containsExactly(expired);
    }

    @Test
    void jobsWithoutAReplyTokenKeepTheirPlaceBehindFreshOnesAndBesideExpiredOnes() {
        TenantId tenant = newTenant();
        String kind = kind("untimed");
        Instant now = Instant.now();
        long plain = enqueue(tenant, JobRequest.of(kind, "{}"));
        long expired = enqueue(tenant, turn(kind, "conv:p", now.minusSeconds(70)));
        long fresh = enqueue(tenant, turn(kind, "conv:q", now.minusSeconds(3)));

        assertThat(store.claim("w1", List.of(kind), 1, LEASE)).extracting(Job::id).containsExactly(fresh);
        assertThat(store.claim("w1", List.of(kind), 1, LEASE)).extracting(Job::id).containsExactly(plain);
        assertThat(store.claim("w1", List.of(kind), 1, LEASE)).extracting(Job::id).containsExactly(expired);
    }

    @Test
    void theReplyWindowSettingDecidesWhichTokensAreStillFresh() {
        TenantId tenant = newTenant();
        String kind = kind("window");
        Instant now = Instant.now();
        long older = enqueue(tenant, turn(kind, "conv:m", now.minusSeconds(20)));
        long newer = enqueue(tenant, turn(kind, "conv:n", now.minusSeconds(2)));
        JobStore tenSeconds = new JobStore(scope, dataSource, Duration.ofSeconds(10));

        assertThat(tenSeconds.claim("w1", List.of(kind), 1, LEASE)).as("20 s old is past a 10 s window")
                .extracting(Job::id).containsExactly(newer);
        assertThat(store.claim("w1", List.of(kind), 1, LEASE)).extracting(Job::id).containsExactly(older);
    }

    /** Serial keys are global: this test's own (the kind is unique), so other tests' jobs never hold them. */
    private static JobRequest turn(String kind, String conversation, Instant tokenIssuedAt) {
        return JobRequest.of(kind, "{}").serial(kind + ":" + conversation).replyToken(tokenIssuedAt);
    }
}
