package io.parley.core.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.core.ServerRoles;
import io.parley.core.account.email.AccountEmails;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Deletes provider sign-in attempts (10 minutes) and hand-off codes (60 seconds) once they expired, spent or not, and
 * — the same kind of short-lived sign-in material — expired email tokens (verification, password reset) and account
 * emails older than {@link #EMAIL_KEPT} (sent ones hold no body; unsent ones gave up long ago),
 * every {@code parley.auth.oauth-cleanup-interval} (1 hour): an expired row can never be spent again, and started
 * sign-ins that were never finished would otherwise stay forever (a bot opening the start URL makes one per request).
 * Every worker may run it; deleting twice is harmless. The expiry indexes (V165) keep it cheap.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class OAuthAttemptCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthAttemptCleanup.class);

    /** How long an account email row is kept after it was made: enough to see what was sent in a support case. */
    static final Duration EMAIL_KEPT = Duration.ofDays(7);

    private final OAuthAttemptRepository attempts;
    private final EmailTokenRepository emailTokens;
    private final AccountEmails emails;

    OAuthAttemptCleanup(OAuthAttemptRepository attempts, EmailTokenRepository emailTokens,
                        AccountEmails emails) {
        this.attempts = attempts;
        this.emailTokens = emailTokens;
        this.emails = emails;
    }

    @Scheduled(fixedDelay = "${parley.auth.oauth-cleanup-interval:1h}",
            initialDelay = "${parley.auth.oauth-cleanup-interval:1h}")
    void tick() {
        try {
            int deleted = clean(Instant.now());
            if (deleted > 0) {
                LOG.info("Deleted {} expired sign-in attempt(s), hand-off code(s), email token(s) and old account "
                        + "email(s)", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired sign-in attempts ({}); trying again later", e.getClass().getSimpleName());
        }
    }

    /** How many attempts, hand-off codes and email tokens that expired before {@code now}, and account emails made
     *  more than {@link #EMAIL_KEPT} before it, were deleted. */
    public int clean(Instant now) {
        return attempts.deleteExpired(now) + attempts.deleteExpiredHandoffs(now) + emailTokens.deleteExpired(now)
                + emails.deleteMadeBefore(now.minus(EMAIL_KEPT));
    }
}
