package io.parley.core.privacy;

import io.micronaut.serde.ObjectMapper;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Job#args}: a job's arguments read as a record, and a job that can never succeed discarded, not retried. */
class TenantExportJobArgsTest {

    private final ObjectMapper json = ObjectMapper.getDefault();
    private final UUID exportId = UUID.fromString("0190f0c0-0000-7000-8000-000000000001");

    @Test
    void theArgumentsAreReadAsTheRecord() {
        TenantExportHandler.Args args = job("{\"exportId\": \"" + exportId + "\"}")
                .args(json, TenantExportHandler.Args.class, a -> a.exportId() != null, "no exportId");

        assertThat(args.exportId()).isEqualTo(exportId);
    }

    @Test
    void unreadableOrIncompleteArgumentsDiscardTheJobWithTheGivenReason() {
        for (String broken : new String[] {"not json", "{\"exportId\": \"not-a-uuid\"}", "{}", "null"}) {
            assertThatThrownBy(() -> job(broken)
                    .args(json, TenantExportHandler.Args.class, a -> a.exportId() != null, "no exportId"))
                    .as(broken).isInstanceOf(JobDiscard.class).hasMessage("no exportId");
        }
    }

    private static Job job(String args) {
        return new Job(1, new TenantId(UUID.randomUUID()), TenantExportHandler.KIND, args, 1, 3);
    }
}
