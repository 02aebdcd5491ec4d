package io.parley.core.privacy;

import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Erases a contact (docs/privacy.md "Erasing a contact"): what identifies or describes the person is deleted, what
 * only counts is kept under a pseudonym ({@link ErasureRepository}), and each channel identity leaves a tombstone so
 * a late webhook does not re-create them ({@link #lateEvent}). Call inside the tenant's write scope, in the same
 * transaction as the audit entry.
 */
@Singleton
public final class ContactErasure {

    private final ErasureRepository erasures;
    private final RetentionRepository retention;

    ContactErasure(ErasureRepository erasures, RetentionRepository retention) {
        this.erasures = erasures;
        this.retention = retention;
    }

    /** How many rows each step touched (for the audit entry: counts only, nothing about the person); empty if none. */
    public Map<String, Integer> erase(TenantId tenant, UUID contactId) {
        UUID t = tenant.value();
        String salt = Ids.next().toString();
        Map<String, Integer> counts = new LinkedHashMap<>();
        // tombstones, events, jobs and opt-outs are found through the identities: before the contact (and they) go
        counts.put("identities", erasures.tombstone(t, contactId));
        counts.put("inboundEvents", erasures.deleteInboundEvents(t, contactId));
        counts.put("jobsCancelled", erasures.cancelJobs(t, contactId));
        counts.put("optOuts", erasures.deleteOptOuts(t, contactId));
        counts.put("importRows", erasures.deleteImportRows(t, contactId));
        counts.put("llmUsageAnonymized", erasures.anonymizeLlmUsage(t, contactId));
        counts.put("answeredTurnsAnonymized", erasures.anonymizeAnsweredTurns(t, contactId, salt));
        counts.put("analyticsAnonymized", erasures.anonymizeContactHours(t, contactId, salt)
                + erasures.anonymizeContactDays(t, contactId, salt));
        counts.put("broadcastRecipientsAnonymized", erasures.anonymizeBroadcastRecipients(t, contactId, salt));
        counts.put("contacts", erasures.deleteContact(t, contactId));
        retention.track(t); // the retention job purges the tombstones in time (parley.privacy.tombstone-days)
        return counts.get("contacts") == 0 ? Map.of() : counts;
    }

    /**
     * Whether an event of an erased identity must be dropped: true for any event that is not the person writing
     * again. "Writing again" is a message (text, media, sticker, location, postback) the provider stamps later than
     * the erasure; follows, unfollows, delivery statuses and anything sent before the erasure (a redelivery, a
     * backlog) are dropped, and so is their stored event. When the person writes again the tombstone goes and the
     * message creates a new contact as for anyone new. Call inside the tenant's write scope.
     */
    public boolean lateEvent(TenantId tenant, UUID eventId, UUID channelId, String externalUserId, boolean message,
                             java.time.Instant occurredAt) {
        UUID t = tenant.value();
        return erasures.erasedAt(t, channelId, externalUserId).map(erasedAt -> {
            if (message && occurredAt != null && occurredAt.isAfter(erasedAt)) {
                erasures.forget(t, channelId, externalUserId);
                return false;
            }
            erasures.deleteInboundEvent(t, eventId);
            return true;
        }).orElse(false);
    }
}
