package io.parley.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientTallyTest {

    @Test
    void countsDuplicatesSkippedAndFailedRecipientsWhoseMessageArrived() {
        Map<String, String> planned = Map.of("886900000001", "sent", "886900000002", "failed",
                "886900000003", "failed", "886900000004", "sent");
        Map<String, AtomicInteger> received = Map.of("+886900000001", new AtomicInteger(2),
                "886900000002", new AtomicInteger(1), "+886900000004", new AtomicInteger(1),
                "+886999999999", new AtomicInteger(1));

        RecipientTally tally = RecipientTally.of(planned, Map.of(), Map.of(), received);

        assertThat(tally.duplicates()).isEqualTo(1); // 0001 twice
        assertThat(tally.skipped()).isEqualTo(1); // 0003 never arrived
        assertThat(tally.failedButArrived()).isEqualTo(1); // 0002 failed as "may have arrived", and did
        assertThat(tally.unknownRecipients()).isEqualTo(1);
    }
}
