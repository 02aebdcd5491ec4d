package io.parley.api.auth;

import io.micronaut.context.annotation.Value;
import io.parley.core.account.EmailTokenRow;
import io.parley.core.account.RefreshTokenRepository;
import io.parley.core.account.UserRepository;
import io.parley.core.account.UserRow;
import io.parley.core.account.email.AccountEmail;
import io.parley.core.account.email.AccountEmails;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.tenancy.UserId;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.parley.http.problem.ProblemMessages;
import io.parley.http.ratelimit.RateLimiter;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Forgotten passwords. A request always answers the same (202), whether or not the address has an account, so it
 * reveals nothing — not even by its timing: the account is looked up and the email queued on another thread after
 * the answer. It is limited per client IP and per address, and only an existing account gets an email: a link
 * ({@code /reset-password#token=…}, the token in the fragment so it reaches no access log) with a single-use token
 * valid {@code parley.auth.password-reset-minutes}. Setting the new password spends the token and every other reset
 * token of the user, ends every session (refresh tokens) and marks the address verified — the email proved it.
 */
@Singleton
final class PasswordReset {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordReset.class);

    private final EmailTokens tokens;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher passwords;
    private final AccountEmails emails;
    private final TenantScope scope;
    private final RateLimiter limiter;
    private final RateLimiter.Limit perAddress;
    private final Duration lifetime;
    private final String publicUrl;
    private final ExecutorService background;

    PasswordReset(EmailTokens tokens, UserRepository users, RefreshTokenRepository refreshTokens,
                  PasswordHasher passwords, AccountEmails emails, TenantScope scope, RateLimiter limiter,
                  AuthConfiguration configuration, @Value("${parley.public-url}") String publicUrl,
                  @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.background = background;
        this.tokens = tokens;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.emails = emails;
        this.scope = scope;
        this.limiter = limiter;
        this.perAddress = new RateLimiter.Limit(configuration.emailsPerAddressPerHour(), Duration.ofHours(1));
        this.lifetime = Duration.ofMinutes(configuration.passwordResetMinutes());
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Mails a reset link, in the background, when the address has an account; 429 over the per-address limit
     * (counted for any address, so it tells nothing either).
     */
    void request(String email) {
        String address = AuthService.normalize(email);
        RateLimiter.Decision decision = limiter.tryAcquire("reset-password:" + address, perAddress);
        if (!decision.allowed()) {
            throw ProblemException.rateLimited(decision.retryAfterSeconds(), "Too many reset requests for this "
                    + "address; try again in " + decision.retryAfterSeconds() + " s.");
        }
        background.execute(() -> {
            try {
                mail(address);
            } catch (RuntimeException e) {
                LOG.warn("A password-reset email could not be queued: {}", e.toString());
            }
        });
    }

    private void mail(String address) {
        Optional<UserRow> user = users.findByEmail(address);
        if (user.isEmpty()) {
            LOG.debug("Password reset asked for an address without an account");
            return;
        }
        UserRow row = user.get();
        String secret = scope.asUser(new UserId(row.id()),
                () -> tokens.issue(row, EmailTokenRow.RESET_PASSWORD, lifetime));
        emails.send(new AccountEmail(AccountEmail.RESET_PASSWORD, row.email(), row.language(),
                publicUrl + "/reset-password#token=" + secret,
                Map.of("email", row.email(), "minutes", Long.toString(lifetime.toMinutes()))));
    }

    /** Sets the new password with a reset token: 401 invalid-token when it is unknown, spent or expired. */
    void reset(String token, String password) {
        if (!PasswordHasher.fits(password)) {
            throw ProblemException.invalidField("password", ProblemMessages.PASSWORD_TOO_LONG);
        }
        String hash = passwords.hash(password); // before spending: a slow hash must not hold the token half-used
        EmailTokenRow spent = tokens.spend(token, EmailTokenRow.RESET_PASSWORD);
        scope.asUser(new UserId(spent.userId()), () -> {
            UserRow user = users.findById(spent.userId())
                    .filter(row -> row.email().toLowerCase(Locale.ROOT).equals(spent.email().toLowerCase(Locale.ROOT)))
                    .orElseThrow(() -> new ProblemException(ProblemKind.INVALID_TOKEN,
                            EmailTokens.INVALID));
            users.setPassword(user.id(), hash);
            users.markEmailVerified(user.id());
            tokens.spendAll(user, EmailTokenRow.RESET_PASSWORD);
            int ended = refreshTokens.revokeAllForUser(user.id());
            LOG.info("Password of user {} reset; {} session tokens revoked", user.id(), ended);
            return null;
        });
    }
}
