package io.parley.core.trigger;

import io.parley.core.flow.Trigger;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Fires proactive triggers: records a run per flow and contact and, in the same transaction, enqueues the job that
 * sends it (docs/flows.md "Proactive triggers"). Every method must be called inside the tenant's write transaction
 * of the change that fired it — the setup page's submission, the contact's creation, the scan — so the run exists
 * exactly when that change committed, and the run's unique key makes a second firing a no-op.
 */
@Singleton
public final class ProactiveTriggers {

    /** The occurrence of triggers that fire once per contact and flow. */
    public static final String ONCE = "once";

    private final TriggerRunRepository runs;
    private final JobQueue queue;

    ProactiveTriggers(TriggerRunRepository runs, JobQueue queue) {
        this.runs = runs;
        this.queue = queue;
    }

    /**
     * The contact submitted the setup page: each enabled setup_submitted flow of its bots fires (once ever); the
     * number of runs queued now.
     */
    public int setupSubmitted(TenantId tenant, UUID contactId) {
        return fireOnce(tenant, new Trigger.SetupSubmitted().type(), List.of(contactId));
    }

    /** Contacts were created by the API or an import: each enabled contact_created flow of their bots fires. */
    public int contactsCreated(TenantId tenant, Collection<UUID> contactIds) {
        return fireOnce(tenant, new Trigger.ContactCreated().type(), contactIds);
    }

    /** Whether the next submission of the setup page makes a bot write to this contact (the page says so only then). */
    public boolean messageAfterSetup(TenantId tenant, UUID contactId) {
        return runs.setupFlowFor(tenant.value(), contactId);
    }

    private int fireOnce(TenantId tenant, String type, Collection<UUID> contactIds) {
        List<ProactiveFlow> flows = runs.enabledFlows(tenant.value(), type);
        int fired = 0;
        for (ProactiveFlow flow : flows) {
            for (UUID contactId : contactIds) {
                TriggerTarget target = runs.target(tenant.value(), flow.botId(), contactId).orElse(null);
                if (target == null) {
                    continue; // not a contact of this bot: nothing to record
                }
                fired += fire(tenant, flow, contactId, ONCE, target) ? 1 : 0;
            }
        }
        return fired;
    }

    /**
     * Records the run of {@code flow} for {@code contactId} at {@code occurrence} and enqueues its job; false when
     * that run exists already.
     */
    public boolean fire(TenantId tenant, ProactiveFlow flow, UUID contactId, String occurrence, TriggerTarget target) {
        UUID id = Ids.next();
        if (runs.insert(tenant.value(), id, flow.id(), flow.botId(), contactId, flow.triggerType(), occurrence,
                target.channelId(), target.externalUserId(), TriggerRunRow.QUEUED, null) == 0) {
            return false;
        }
        queue.enqueue(tenant, TriggerJobs.run(id, target));
        return true;
    }

    /** Records a run that cannot be sent (e.g. the contact has no identity on the bot's channels), for the audit. */
    public boolean skip(TenantId tenant, ProactiveFlow flow, UUID contactId, String occurrence, String reason) {
        return runs.insert(tenant.value(), Ids.next(), flow.id(), flow.botId(), contactId, flow.triggerType(),
                occurrence, null, null, TriggerRunRow.SKIPPED, reason) == 1;
    }
}
