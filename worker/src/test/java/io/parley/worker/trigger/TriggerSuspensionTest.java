package io.parley.worker.trigger;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.admin.TenantSuspensions;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.flow.FlowRepository;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.SuperuserSql;
import io.parley.core.trigger.ProactiveTriggers;
import io.parley.core.trigger.TriggerJobs;
import io.parley.core.trigger.TriggerRunRepository;
import io.parley.core.trigger.TriggerRunView;
import io.parley.worker.outbound.OutboundTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suspended tenant's proactive trigger (docs/operator-console.md, "Suspending a tenant"): its trigger.run job is held
 * and no message is made; the resume enqueues it again and the message then goes out once.
 */
@MicronautTest(transactional = false)
class TriggerSuspensionTest extends OutboundTest {

    @Inject
    ProactiveTriggers triggers;
    @Inject
    TriggerRunRepository runs;
    @Inject
    FlowRepository flows;
    @Inject
    ConversationRepository conversationRows;
    @Inject
    TenantSuspensions suspensions;

    @Test
    void aSuspendedTenantsTriggerSendsNothingUntilTheResumeThenOnce() throws Exception {
        Chat chat = lineChat();
        TenantId tenant = chat.tenant();
        UUID flow = Ids.next();
        UUID contact = scope.read(tenant, () -> conversationRows.find(tenant.value(), chat.conversationId())
                .orElseThrow().contactId());
        scope.writeVoid(tenant, () -> flows.insert(tenant.value(), flow, chat.channel().botId(), "Welcome", true, 0,
                "contact_created", "{}", "[{\"type\": \"text\", \"text\": \"Welcome!\"}]", null));
        scope.asPlatform(tenant, () -> suspensions.suspend(tenant, "Abuse report", "ops@example.com"));
        scope.write(tenant, () -> triggers.contactsCreated(tenant, List.of(contact)));
        TriggerRunView queued = page(chat, flow).getFirst();
        String args = "{\"runId\":\"" + queued.id() + "\"}";
        long job = SuperuserSql.number("INSERT INTO jobs (tenant_id, kind, args) VALUES (?, ?, CAST(? AS jsonb)) "
                + "RETURNING id", tenant.value(), TriggerJobs.RUN, args);

        run(tenant, job, args);

        assertThat(page(chat, flow).getFirst().messageId()).as("no message while suspended").isNull();

        assertThat(scope.asPlatform(tenant, () -> suspensions.resume(tenant)))
                .contains(new TenantSuspensions.Resumed(0, 1));
        long resumed = SuperuserSql.number("SELECT id FROM jobs WHERE tenant_id = ? AND kind = ? "
                + "AND args ->> 'runId' = ? AND unique_key LIKE 'resumed-job:%'", tenant.value(), TriggerJobs.RUN,
                queued.id().toString());
        run(tenant, resumed, args);
        run(tenant, resumed, args); // a retried job makes no second message

        TriggerRunView sent = page(chat, flow).getFirst();
        assertThat(sent.status()).isEqualTo("sent");
        assertThat(sent.messageId()).isNotNull();
        assertThat(SuperuserSql.number("SELECT count(*) FROM messages WHERE tenant_id = ? AND direction = 'outbound' "
                + "AND conversation_id = ?", tenant.value(), chat.conversationId())).isEqualTo(1);
    }

    private void run(TenantId tenant, long job, String args) throws Exception {
        JobHandler handler = context.getBeansOfType(JobHandler.class).stream()
                .filter(h -> h.kind().equals(TriggerJobs.RUN)).findFirst().orElseThrow();
        handler.run(new Job(job, tenant, TriggerJobs.RUN, args, 1, 10));
    }

    private List<TriggerRunView> page(Chat chat, UUID flow) {
        return scope.read(chat.tenant(), () -> runs.page(chat.tenant().value(), flow, new UUID(-1L, -1L), 10));
    }
}
