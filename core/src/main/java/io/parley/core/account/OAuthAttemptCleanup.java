package io.parley.core.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.core.ServerRoles;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Deletes provider sign-in attempts (10 minutes) and hand-off codes (60 seconds) once they expired, spent or not,
 * every {@code parley.auth.oauth-cleanup-interval} (1 hour): an expired row can never be spent again, and started
 * sign-ins that were never finished would otherwise stay forever (a bot opening the start URL makes one per request).
 * Every worker may run it; deleting twice is harmless. The expiry indexes (V165) keep it cheap.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
public final class OAuthAttemptCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthAttemptCleanup.class);

    private final OAuthAttemptRepository attempts;

    OAuthAttemptCleanup(OAuthAttemptRepository attempts) {
        this.attempts = attempts;
    }

    @Scheduled(fixedDelay = "${parley.auth.oauth-cleanup-interval:1h}",
            initialDelay = "${parley.auth.oauth-cleanup-interval:1h}")
    void tick() {
        try {
            int deleted = clean(Instant.now());
            if (deleted > 0) {
                LOG.info("Deleted {} expired provider sign-in attempt(s) and hand-off code(s)", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired sign-in attempts ({}); trying again later", e.getClass().getSimpleName());
        }
    }

    /** How many attempts and hand-off codes that expired before {@code now} were deleted. */
    public int clean(Instant now) {
        return attempts.deleteExpired(now) + attempts.deleteExpiredHandoffs(now);
    }
}
