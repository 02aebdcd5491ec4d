package io.parley.worker.outbound.governor;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.channel.ChannelRow;
import io.parley.core.ratelimit.SendGovernor;
import io.parley.core.tenancy.Ids;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broadcast pacing on a WhatsApp number (docs/broadcasts.md "Rate governor"): slots reserved a batch at a time from
 * the shared PostgreSQL bucket, so two worker processes together keep the number's rate in every one-second window,
 * and a live reply still finds a slot right after the broadcasts' short horizon.
 */
@MicronautTest(transactional = false)
class BulkPacerTest implements DatabaseTest {

    /**
     * A slow number, so that a send's lateness on a loaded machine stays within what the slots' slack absorbs
     * (0.5/rate s: 125 ms here): across processes the bound is exact in slot time (docs/broadcasts.md).
     */
    private static final int RATE = 4;


    @Inject
    SendGovernor governor;

    @Inject
    SendRateSettings rates;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.queue.enabled", "false");
        return properties;
    }

    @Test
    void twoWorkerProcessesTogetherAreGivenSlotsThatNeverHoldMoreThanTheNumbersRateInAnyOneSecondWindow()
            throws Exception {
        ChannelRow channel = whatsapp();
        Map<String, String> credentials = Map.of("phoneNumberId", "pacer-" + Ids.next(),
                "messagesPerSecond", Integer.toString(RATE));
        // Two SendPacing instances: two processes, each with its own in-process window, sharing only the database.
        List<Long> slots = Collections.synchronizedList(new ArrayList<>());
        List<Long> sent = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SendPacing process : List.of(new SendPacing(governor, rates), new SendPacing(governor, rates))) {
                BulkPacer pacer = process.bulk(channel, credentials, 5);
                for (int thread = 0; thread < 3; thread++) {
                    threads.submit(() -> {
                        for (int i = 0; i < 4; i++) {
                            slots.add(pacer.await("+8869" + i));
                            sent.add(System.nanoTime());
                        }
                        return null;
                    });
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(sent).hasSize(24);
        // The schedule both share holds the rate exactly; the instants sent keep to it unless a thread wakes later
        // than the slots' slack (0.5/rate s), which only a stalled machine does (docs/broadcasts.md).
        assertThat(maxInAnyWindow(slots, 1_000_000_000L)).isLessThanOrEqualTo(RATE);
        // 1.5 tokens at once, then 3.5 a second: 24 sends take about 6.4 s, not half as long nor much longer.
        assertThat(seconds).isBetween(6.0, 9.0);
    }

    @Test
    void aBroadcastReservesSlotsABatchAtATimeNotOneStatementPerMessage() throws Exception {
        ChannelRow channel = whatsapp();
        Map<String, String> credentials = Map.of("phoneNumberId", "batch-" + Ids.next(), "messagesPerSecond", "200");
        BulkPacer pacer = new SendPacing(governor, rates).bulk(channel, credentials, 20);

        for (int i = 0; i < 100; i++) {
            pacer.await("+8869" + i);
        }

        // 100 sends in batches of up to 20: 5 statements when granted in full, a few more when the horizon cut one.
        assertThat(pacer.statements()).isBetween(5L, 12L);
    }

    @Test
    void aLiveReplyGetsItsSlotRightAfterTheBroadcastsHorizonWhileABroadcastSaturatesTheNumber() throws Exception {
        ChannelRow channel = whatsapp();
        Map<String, String> credentials = Map.of("phoneNumberId", "live-" + Ids.next(),
                "messagesPerSecond", Integer.toString(RATE));
        SendPacing worker = new SendPacing(governor, rates);
        List<Duration> replies = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            BulkPacer broadcast = worker.bulk(channel, credentials, 5);
            for (int thread = 0; thread < 4; thread++) {
                threads.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        broadcast.await("+8869" + i);
                    }
                    return null;
                });
            }
            Thread.sleep(1000); // the broadcast has used the bucket up and reserves as far ahead as it may
            for (int i = 0; i < 3; i++) {
                long asked = System.nanoTime();
                assertThat(worker.live(channel, credentials, "+886912", Duration.ofSeconds(2))).isZero();
                replies.add(Duration.ofNanos(System.nanoTime() - asked));
                Thread.sleep(300);
            }
        }

        // The broadcast reserves at most 0.25 s ahead; a reply's slot comes after those (plus one 1/3.5 s step).
        assertThat(replies).allSatisfy(wait -> assertThat(wait).isLessThan(Duration.ofMillis(800)));
    }

    @Test
    void aThroughputRefusalPausesTheNumberBrieflyAndLongerOnlyWhenRefusalsFollowEachOther() throws Exception {
        ChannelRow channel = whatsapp();
        Map<String, String> credentials = Map.of("phoneNumberId", "refused-" + Ids.next(), "messagesPerSecond", "20");
        SendPacing pacing = new SendPacing(governor, rates);
        Duration most = Duration.ofSeconds(5);

        pacing.penalizeThroughput(channel, credentials, most);
        Duration first = untilASlot(pacing, channel, credentials);
        pacing.penalizeThroughput(channel, credentials, most); // a request that left before the pause began
        Duration during = untilASlot(pacing, channel, credentials);
        Thread.sleep(first.plusMillis(20));
        pacing.penalizeThroughput(channel, credentials, most); // refused again right after the pause: twice as long
        Duration second = untilASlot(pacing, channel, credentials);

        // 100 ms of debt at 19.5 tokens/s, plus the token a send needs: ~0.15 s, not 5 s
        assertThat(first).isBetween(Duration.ofMillis(80), Duration.ofMillis(400));
        assertThat(during).isLessThanOrEqualTo(first);
        // 200 ms of debt: ~0.26 s
        assertThat(second).isGreaterThan(first.plusMillis(60)).isLessThan(Duration.ofSeconds(1));
    }

    /** How long until the number has a slot (nothing taken). */
    private static Duration untilASlot(SendPacing pacing, ChannelRow channel, Map<String, String> credentials)
            throws InterruptedException {
        return pacing.live(channel, credentials, "+886900", Duration.ZERO);
    }

    @Test
    void theInProcessWindowLetsALateSenderCatchUpButNeverAboveTheLimit() {
        long[] now = {0};
        SendWindow window = new SendWindow(3, 1_000, () -> now[0]);
        // Three sends at once (a catch-up after a stall) pass; the fourth waits until the first is a window old.
        assertThat(window.tryAdmit()).isZero();
        assertThat(window.tryAdmit()).isZero();
        now[0] = 400;
        assertThat(window.tryAdmit()).isZero();
        assertThat(window.tryAdmit()).isEqualTo(600);
        now[0] = 1_000;
        assertThat(window.tryAdmit()).isZero();
        assertThat(window.tryAdmit()).isZero();
        assertThat(window.tryAdmit()).isEqualTo(400);
    }

    private static int maxInAnyWindow(List<Long> instants, long window) {
        List<Long> sorted = new ArrayList<>(instants);
        Collections.sort(sorted);
        int max = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= window) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    private static ChannelRow whatsapp() {
        Instant now = Instant.now();
        return new ChannelRow(Ids.next(), Ids.next(), Ids.next(), "whatsapp", "pacer", null, null, "{}", null,
                "healthy", null, null, now, now, false, "{}");
    }
}
