package io.parley.api.channel;

import io.parley.core.channel.ChannelType;
import io.parley.http.problem.ProblemException;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * One LINE channel, WhatsApp number or Telegram bot may be connected once across all tenants. The unique index
 * {@code channels_external_key} enforces it (another tenant's row is invisible under RLS, but the index still
 * sees it); this turns its violation into a 409 that does not say who holds the account.
 */
final class DuplicateAccount {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String INDEX = "channels_external_key";

    private DuplicateAccount() {
    }

    /** Runs a whole transaction; the violation aborts it, so it is mapped only after the rollback. */
    static <T> T refused(ChannelType type, Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (RuntimeException e) {
            if (isDuplicate(e)) {
                throw ProblemException.conflict("This " + noun(type) + " is already connected to a Parley account. "
                        + "Disconnect it there first, or use another one.");
            }
            throw e;
        }
    }

    private static boolean isDuplicate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && sql.getMessage() != null && sql.getMessage().contains(INDEX)) {
                return true;
            }
        }
        return false;
    }

    private static String noun(ChannelType type) {
        return switch (type) {
            case LINE -> "LINE channel";
            case WHATSAPP -> "WhatsApp number";
            case TELEGRAM -> "Telegram bot";
            case WEB -> "web channel";
        };
    }
}
