package io.parley.core.account;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.Ids;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.parley.core.testing.SuperuserSql.execute;
import static io.parley.core.testing.SuperuserSql.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expired provider sign-in attempts, hand-off codes and email tokens, and account emails older than a week, are deleted
 * by the cleanup, on its own schedule too.
 */
@MicronautTest(transactional = false)
@Property(name = "parley.auth.oauth-cleanup-interval", value = "300ms")
class OAuthAttemptCleanupTest implements DatabaseTest {

    @Inject
    OAuthAttemptCleanup cleanup;
    @Inject
    OAuthAttemptRepository attempts;
    @Inject
    UserRepository users;
    @Inject
    EmailTokenRepository emailTokens;

    @Test
    void expiredAttemptsAndHandoffsAreDeletedAndOpenOnesKept() {
        Instant now = Instant.now();
        UUID user = user();
        byte[] expired = attempt(now.minusSeconds(1));
        byte[] open = attempt(now.plus(Duration.ofMinutes(10)));
        byte[] expiredCode = handoff(user, now.minusSeconds(1));
        byte[] openCode = handoff(user, now.plusSeconds(60));

        cleanup.clean(now);

        assertThat(attemptRows(expired)).isZero();
        assertThat(attemptRows(open)).isEqualTo(1);
        assertThat(handoffRows(expiredCode)).isZero();
        assertThat(handoffRows(openCode)).isEqualTo(1);
    }

    @Test
    void expiredEmailTokensAndAccountEmailsOlderThanAWeekAreDeletedAndTheOthersKept() {
        Instant now = Instant.now();
        UUID user = user();
        UUID expiredToken = emailToken(user, now.minusSeconds(1));
        UUID openToken = emailToken(user, now.plus(Duration.ofHours(48)));
        UUID oldEmail = accountEmail(now.minus(Duration.ofDays(8)));
        UUID recentEmail = accountEmail(now.minus(Duration.ofDays(6)));

        cleanup.clean(now);

        assertThat(number("SELECT count(*) FROM email_tokens WHERE id = ?", expiredToken)).isZero();
        assertThat(number("SELECT count(*) FROM email_tokens WHERE id = ?", openToken)).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM account_emails WHERE id = ?", oldEmail)).isZero();
        assertThat(number("SELECT count(*) FROM account_emails WHERE id = ?", recentEmail))
                .as("kept a week, to see what was sent in a support case").isEqualTo(1);
    }

    @Test
    void theCleanupRunsByItselfEveryConfiguredInterval() throws InterruptedException {
        byte[] expired = attempt(Instant.now().minusSeconds(1));

        Instant deadline = Instant.now().plusSeconds(10);
        while (attemptRows(expired) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }

        assertThat(attemptRows(expired)).as("deleted by the scheduled run (every 300 ms here, 1 hour by default)")
                .isZero();
    }

    private byte[] attempt(Instant expiresAt) {
        byte[] hash = hash();
        attempts.insert(hash, "acme-sso", hash(), "verifier", "nonce", null, expiresAt);
        return hash;
    }

    private byte[] handoff(UUID user, Instant expiresAt) {
        byte[] hash = hash();
        attempts.insertHandoff(hash, user, expiresAt);
        return hash;
    }

    private UUID emailToken(UUID user, Instant expiresAt) {
        UUID id = Ids.next();
        emailTokens.insert(id, user, "reset-password", "cleanup@example.com", hash(), expiresAt);
        return id;
    }

    private static UUID accountEmail(Instant createdAt) {
        UUID id = Ids.next();
        execute("INSERT INTO account_emails (id, kind, recipient, subject, created_at, sent_at) "
                + "VALUES (?, 'reset-password', 'cleanup@example.com', 'Reset', ?, ?)", id,
                Timestamp.from(createdAt), Timestamp.from(createdAt));
        return id;
    }

    private UUID user() {
        UUID id = Ids.next();
        users.insert(id, "cleanup-" + id + "@example.com", null, null);
        return id;
    }

    private static byte[] hash() {
        return UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long attemptRows(byte[] stateHash) {
        return number("SELECT count(*) FROM oauth_attempts WHERE state_hash = ?", (Object) stateHash);
    }

    private static long handoffRows(byte[] codeHash) {
        return number("SELECT count(*) FROM oauth_handoffs WHERE code_hash = ?", (Object) codeHash);
    }
}
