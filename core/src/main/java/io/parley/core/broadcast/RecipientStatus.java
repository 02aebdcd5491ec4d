package io.parley.core.broadcast;

import java.util.List;

/**
 * A recipient's status. It moves forward only: queued → sending → sent → delivered → read; failed and cancelled
 * end it. Status webhooks arrive out of order, so a late "delivered" after "read" changes nothing.
 */
public final class RecipientStatus {

    public static final String QUEUED = "queued";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String DELIVERED = "delivered";
    public static final String READ = "read";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public static final List<String> ALL = List.of(QUEUED, SENDING, SENT, DELIVERED, READ, FAILED, CANCELLED);

    private RecipientStatus() {
    }

    /** The SQL rank of a status column, for forward-only updates. */
    static String rank(String column) {
        return "(CASE " + column + " WHEN 'queued' THEN 0 WHEN 'sending' THEN 1 WHEN 'sent' THEN 2"
                + " WHEN 'delivered' THEN 3 WHEN 'read' THEN 4 ELSE 5 END)";
    }
}
