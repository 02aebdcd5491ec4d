package io.parley.core.broadcast;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code broadcast_recipients} rows: claiming batches for a send (queued → sending with the batch's idempotency
 * key, in one statement, so two workers never take the same recipient), recording outcomes, forward-only status
 * updates from webhooks, and the recipients table of the API. Call inside the tenant's scope.
 */
@Singleton
public final class RecipientStore {

    private static final String COLUMNS = "id, contact_id, channel_id, external_user_id, content::text AS content,"
            + " status, reason, batch_key, attempts, provider_message_id, sent_at, updated_at";

    /**
     * The next queued recipients of a channel: read from {@code broadcast_recipients_queued_idx} (V182), which holds
     * only queued rows, so a claim late in a large broadcast does not walk past the recipients already sent.
     */
    static final String PICK = "SELECT id FROM broadcast_recipients WHERE tenant_id = ? AND broadcast_id = ?"
            + " AND channel_id = ? AND status = 'queued' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

    private final Sql sql;

    RecipientStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /**
     * Takes up to {@code limit} queued recipients of one channel, oldest first, and marks them {@code sending} under
     * {@code batchKey}, started (their requests may leave at once). Rows another transaction holds are skipped.
     */
    public List<RecipientRow> claim(UUID tenant, UUID broadcast, UUID channel, int limit, UUID batchKey) {
        return claim(tenant, broadcast, channel, limit, batchKey, true);
    }

    /**
     * As {@link #claim(UUID, UUID, UUID, int, UUID)}; not {@code started}: claimed but its requests may not leave (a
     * settle puts such recipients back in the queue at once: {@link #requeueLeftOver}).
     */
    public List<RecipientRow> claim(UUID tenant, UUID broadcast, UUID channel, int limit, UUID batchKey,
                                    boolean started) {
        // A materialized CTE: "id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)" may be re-run per row and take more.
        return sql.list("WITH picked AS MATERIALIZED (" + PICK + ") UPDATE broadcast_recipients r"
                + " SET status = 'sending', batch_key = ?, started_at = CASE WHEN ? THEN now() END,"
                + " attempts = attempts + 1, updated_at = now() FROM picked WHERE r.tenant_id = ?"
                + " AND r.broadcast_id = ? AND r.id = picked.id RETURNING r.id, r.contact_id,"
                + " r.channel_id, r.external_user_id, r.content::text AS content, r.status, r.reason, r.batch_key,"
                + " r.attempts, r.provider_message_id, r.sent_at, r.updated_at",
                RecipientStore::row, tenant, broadcast, channel, limit, batchKey, started, tenant, broadcast)
                .stream().sorted(java.util.Comparator.comparingLong(RecipientRow::id)).toList();
    }

    /** Recipients an earlier attempt marked sending whose outcome was never recorded, by batch, oldest first. */
    public List<RecipientRow> inFlight(UUID tenant, UUID broadcast, UUID channel) {
        return sql.list("SELECT " + COLUMNS + " FROM broadcast_recipients WHERE tenant_id = ? AND broadcast_id = ?"
                + " AND channel_id = ? AND status = 'sending' ORDER BY batch_key, id", RecipientStore::row,
                tenant, broadcast, channel);
    }

    /**
     * Settles what an earlier attempt left {@code sending} on a channel: claimed but never started → queued again.
     * When {@code awaitStatuses} (WhatsApp), started ones wait for their status webhook: the first settle that sees
     * one starts its wait (clears its batch key, restamps {@code started_at}: the statuses of a dead worker's sends
     * may still sit in the job queue), and one still without an outcome {@code grace} after that goes back to the
     * queue. Returns how many went back.
     */
    public int requeueLeftOver(UUID tenant, UUID broadcast, UUID channel, java.time.Duration grace,
                               boolean awaitStatuses) {
        int back = sql.update("UPDATE broadcast_recipients SET status = 'queued', batch_key = NULL, started_at = NULL,"
                + " updated_at = now() WHERE tenant_id = ? AND broadcast_id = ? AND channel_id = ?"
                + " AND status = 'sending' AND (started_at IS NULL OR (? AND batch_key IS NULL"
                + " AND started_at < now() - ? * interval '1 millisecond'))",
                tenant, broadcast, channel, awaitStatuses, grace.toMillis());
        if (awaitStatuses) {
            sql.update("UPDATE broadcast_recipients SET batch_key = NULL, started_at = now(), updated_at = now()"
                    + " WHERE tenant_id = ? AND broadcast_id = ? AND channel_id = ? AND status = 'sending'"
                    + " AND batch_key IS NOT NULL", tenant, broadcast, channel);
        }
        return back;
    }

    /**
     * A status webhook named this recipient in its callback data ({@link RecipientCallback}): the provider took its
     * message, so a recipient still {@code sending} (its answer was lost) moves to the status, with the provider's
     * message id; later statuses move it forward as {@link #advance} does. 0 when nothing changed.
     */
    public int confirm(UUID tenant, UUID broadcast, long id, String providerMessageId, String status, String reason) {
        return sql.update("UPDATE broadcast_recipients SET status = ?, reason = coalesce(?, reason),"
                + " provider_message_id = coalesce(provider_message_id, ?), sent_at = CASE WHEN ? = 'failed' THEN"
                + " sent_at ELSE coalesce(sent_at, now()) END, updated_at = now() WHERE tenant_id = ?"
                + " AND broadcast_id = ? AND id = ? AND " + RecipientStatus.rank("status") + " < "
                + RecipientStatus.rank("CAST(? AS text)") + " AND status NOT IN ('queued', 'failed', 'cancelled')",
                status, cut(reason), providerMessageId, status, tenant, broadcast, id, status);
    }

    public void markSent(UUID tenant, UUID broadcast, long id, String providerMessageId) {
        sql.update("UPDATE broadcast_recipients SET status = 'sent', provider_message_id = ?, sent_at = now(),"
                + " updated_at = now() WHERE tenant_id = ? AND broadcast_id = ? AND id = ? AND status = 'sending'",
                providerMessageId, tenant, broadcast, id);
    }

    /** Sent, each with its provider message id (null where none), in one statement. */
    public void markSent(UUID tenant, UUID broadcast, List<Long> ids, List<String> providerIds) {
        if (ids.isEmpty()) {
            return;
        }
        sql.update("UPDATE broadcast_recipients r SET status = 'sent', provider_message_id = s.provider_id,"
                + " sent_at = now(), updated_at = now() FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]))"
                + " AS s(id, provider_id) WHERE r.tenant_id = ? AND r.broadcast_id = ? AND r.id = s.id"
                + " AND r.status = 'sending'", ids.toArray(Long[]::new), providerIds.toArray(String[]::new),
                tenant, broadcast);
    }

    public void markSent(UUID tenant, UUID broadcast, List<Long> ids) {
        sql.update("UPDATE broadcast_recipients SET status = 'sent', sent_at = now(), updated_at = now()"
                + " WHERE tenant_id = ? AND broadcast_id = ? AND id = ANY(?) AND status = 'sending'",
                tenant, broadcast, ids.toArray(Long[]::new));
    }

    public void markFailed(UUID tenant, UUID broadcast, List<Long> ids, String reason) {
        sql.update("UPDATE broadcast_recipients SET status = 'failed', reason = ?, updated_at = now()"
                + " WHERE tenant_id = ? AND broadcast_id = ? AND id = ANY(?) AND status IN ('queued', 'sending')",
                cut(reason), tenant, broadcast, ids.toArray(Long[]::new));
    }

    /** Back to queued: the request never reached the provider (paused broadcast, rate limit, refused credentials). */
    public void requeue(UUID tenant, UUID broadcast, List<Long> ids) {
        sql.update("UPDATE broadcast_recipients SET status = 'queued', batch_key = NULL, started_at = NULL,"
                + " updated_at = now() WHERE tenant_id = ? AND broadcast_id = ? AND id = ANY(?) AND status = 'sending'",
                tenant, broadcast, ids.toArray(Long[]::new));
    }

    /**
     * The broadcast's sending gave up (its job used its last attempt): every recipient still queued, or claimed but
     * never started, fails with {@code reason} (retry-failed may queue them again), every one started fails as "may
     * have arrived" (its request may have reached the provider, so it is never sent again). Returns how many failed.
     */
    public int giveUp(UUID tenant, UUID broadcast, String reason) {
        return sql.update("UPDATE broadcast_recipients SET status = 'failed', updated_at = now(), reason = CASE status"
                + " WHEN 'sending' THEN CASE WHEN started_at IS NULL THEN ? ELSE ? END ELSE ? END"
                + " WHERE tenant_id = ? AND broadcast_id = ?"
                + " AND status IN ('queued', 'sending')", cut("not sent: " + reason),
                cut(MAY_HAVE_ARRIVED + " (" + reason + ")"), cut("not sent: " + reason), tenant, broadcast);
    }

    /** Queued or sending recipients left. */
    public long unfinished(UUID tenant, UUID broadcast) {
        return sql.count("SELECT count(*) FROM broadcast_recipients WHERE tenant_id = ? AND broadcast_id = ?"
                + " AND status IN ('queued', 'sending')", tenant, broadcast);
    }

    public int cancelQueued(UUID tenant, UUID broadcast) {
        return sql.update("UPDATE broadcast_recipients SET status = 'cancelled', updated_at = now()"
                + " WHERE tenant_id = ? AND broadcast_id = ? AND status = 'queued'", tenant, broadcast);
    }

    /** Failed recipients back to queued for another try (not those that may have arrived already). */
    public int retryFailed(UUID tenant, UUID broadcast) {
        return sql.update("UPDATE broadcast_recipients SET status = 'queued', reason = NULL, batch_key = NULL,"
                + " started_at = NULL, updated_at = now() WHERE tenant_id = ? AND broadcast_id = ? AND status = 'failed'"
                + " AND (reason IS NULL OR reason NOT LIKE ?)", tenant, broadcast, MAY_HAVE_ARRIVED + "%");
    }

    /** The reason of recipients that are not sent again because an earlier request may have reached them. */
    public static final String MAY_HAVE_ARRIVED = "not sent again: may have arrived";

    /** Moves a recipient's status forward (a status webhook); 0 when the id is unknown or the status not newer. */
    public int advance(UUID tenant, String providerMessageId, String status, String reason) {
        return sql.update("UPDATE broadcast_recipients SET status = ?, reason = coalesce(?, reason), updated_at ="
                + " now() WHERE tenant_id = ? AND provider_message_id = ? AND " + RecipientStatus.rank("status")
                + " < " + RecipientStatus.rank("CAST(? AS text)") + " AND status NOT IN ('failed', 'cancelled')",
                status, cut(reason), tenant, providerMessageId, status);
    }

    /** One page of recipients in id order after {@code afterId}, optionally of one status. */
    public List<RecipientRow> page(UUID tenant, UUID broadcast, String status, long afterId, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM broadcast_recipients WHERE tenant_id = ? AND broadcast_id = ?"
                + " AND id > ? AND (CAST(? AS text) IS NULL OR status = ?) ORDER BY id LIMIT ?", RecipientStore::row,
                tenant, broadcast, afterId, status, status, limit);
    }

    /** Recipients messaged (sent or later) in [from, to) per channel, for the usage ledger. */
    public long sentIn(UUID tenant, Instant from, Instant to) {
        return sql.count("SELECT count(*) FROM broadcast_recipients WHERE tenant_id = ? AND sent_at >= ?"
                + " AND sent_at < ?", tenant, from, to);
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
    }

    private static RecipientRow row(ResultSet row) throws SQLException {
        return new RecipientRow(row.getLong("id"), Sql.uuid(row, "contact_id"), Sql.uuid(row, "channel_id"),
                row.getString("external_user_id"), row.getString("content"), row.getString("status"),
                row.getString("reason"), Sql.uuid(row, "batch_key"), row.getInt("attempts"),
                row.getString("provider_message_id"), Sql.instant(row, "sent_at"), Sql.instant(row, "updated_at"));
    }
}
