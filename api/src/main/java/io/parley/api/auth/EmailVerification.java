package io.parley.api.auth;

import io.micronaut.context.annotation.Value;
import io.parley.core.account.EmailTokenRow;
import io.parley.core.account.UserRepository;
import io.parley.core.account.UserRow;
import io.parley.core.account.email.AccountEmail;
import io.parley.core.account.email.AccountEmails;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.tenancy.UserId;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.parley.http.ratelimit.RateLimiter;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * Verifying a user's email address: a link with a single-use token is mailed at sign-up (and again on request,
 * limited per user); opening it marks the address verified. The token proves only the address it was mailed to.
 * The link carries the token in the URL fragment ({@code /verify-email#token=…}), which browsers never send to a
 * server, so it appears in no access log; the dashboard posts it to {@code POST /api/v1/auth/verify-email}.
 */
@Singleton
final class EmailVerification {

    static final String ALREADY_VERIFIED = "Your email address is already verified.";
    private static final Logger LOG = LoggerFactory.getLogger(EmailVerification.class);

    private final EmailTokens tokens;
    private final UserRepository users;
    private final AccountEmails emails;
    private final TenantScope scope;
    private final RateLimiter limiter;
    private final RateLimiter.Limit resends;
    private final Duration lifetime;
    private final String publicUrl;

    EmailVerification(EmailTokens tokens, UserRepository users, AccountEmails emails, TenantScope scope,
                      RateLimiter limiter, AuthConfiguration configuration,
                      @Value("${parley.public-url}") String publicUrl) {
        this.tokens = tokens;
        this.users = users;
        this.emails = emails;
        this.scope = scope;
        this.limiter = limiter;
        this.resends = new RateLimiter.Limit(configuration.emailsPerAddressPerHour(), Duration.ofHours(1));
        this.lifetime = Duration.ofHours(configuration.emailVerificationHours());
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Mails a verification link to a user whose address is not verified yet (after sign-up). The account exists
     * already: a failure to queue the email is logged, not answered (the user can ask for a new link).
     */
    void start(UserId user) {
        try {
            UserRow row = scope.asUser(user, () -> users.findById(user.value())).orElseThrow();
            if (!row.emailVerified()) {
                mail(row);
            }
        } catch (RuntimeException e) {
            LOG.warn("The verification email of user {} could not be queued: {}", user, e.toString());
        }
    }

    /** Mails a new link on the user's request: 409 when already verified, 429 over the hourly limit. */
    void resend(UserId user) {
        UserRow row = scope.asUser(user, () -> users.findById(user.value()))
                .orElseThrow(() -> ProblemException.notFound("User"));
        if (row.emailVerified()) {
            throw ProblemException.conflict(ALREADY_VERIFIED);
        }
        RateLimiter.Decision decision = limiter.tryAcquire("verify-email:" + user.value(), resends);
        if (!decision.allowed()) {
            throw ProblemException.rateLimited(decision.retryAfterSeconds(), "Too many verification emails; try "
                    + "again in " + decision.retryAfterSeconds() + " s.");
        }
        mail(row);
    }

    /** Spends the token and marks its address verified, if it is still the user's address. */
    void verify(String token) {
        EmailTokenRow spent = tokens.spend(token, EmailTokenRow.VERIFY_EMAIL);
        scope.asUser(new UserId(spent.userId()), () -> {
            UserRow user = users.findById(spent.userId())
                    .filter(row -> row.email().equalsIgnoreCase(spent.email()))
                    .orElseThrow(() -> new ProblemException(ProblemKind.INVALID_TOKEN, EmailTokens.INVALID));
            users.markEmailVerified(user.id());
            return null;
        });
    }

    private void mail(UserRow user) {
        String secret = scope.asUser(new UserId(user.id()),
                () -> tokens.issue(user, EmailTokenRow.VERIFY_EMAIL, lifetime));
        emails.send(new AccountEmail(AccountEmail.VERIFY_EMAIL, user.email(), user.language(),
                publicUrl + "/verify-email#token=" + secret,
                Map.of("email", user.email(), "hours", Long.toString(lifetime.toHours()))));
    }
}
