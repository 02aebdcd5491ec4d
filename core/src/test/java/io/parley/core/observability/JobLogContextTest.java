package io.parley.core.observability;

import io.parley.core.queue.Job;
import io.parley.core.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JobLogContextTest {

    @Test
    void aJobsTenantIdAndKindAreInTheLogContextWhileItRunsAndGoneAfter() throws Exception {
        TenantId tenant = new TenantId(UUID.randomUUID());
        UUID conversation = UUID.randomUUID();
        Map<String, String> during = new HashMap<>();

        new JobLogContext().around(new Job(42, tenant, "inbound.turn", "{\"secret\":\"x\"}", 1, 5), () -> {
            LogContext.conversation(null, null, conversation);
            during.putAll(MDC.getCopyOfContextMap());
        });

        assertThat(during).containsEntry("tenant_id", tenant.toString()).containsEntry("job_id", "42")
                .containsEntry("job_kind", "inbound.turn").containsEntry("conversation_id", conversation.toString())
                .doesNotContainKey("trace_id");
        assertThat(during.values()).noneMatch(value -> value.contains("secret"));
        assertThat(MDC.getCopyOfContextMap()).satisfiesAnyOf(map -> assertThat(map).isNullOrEmpty());
    }
}
