package io.parley.api.auth;

import io.parley.http.problem.ProblemException;
import io.parley.http.ratelimit.RateLimiter;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;

/**
 * Brute-force protection for login: attempts are limited per client IP and per email address (so a botnet
 * spreading guesses over many IPs is still capped per account). Exceeding either answers 429 with Retry-After.
 */
@Singleton
final class LoginThrottle {

    private final RateLimiter limiter;
    private final RateLimiter.Limit perIp;
    private final RateLimiter.Limit perEmail;

    LoginThrottle(RateLimiter limiter, AuthConfiguration configuration) {
        this.limiter = limiter;
        this.perIp = RateLimiter.Limit.perMinute(configuration.loginAttemptsPerIpPerMinute());
        this.perEmail = new RateLimiter.Limit(configuration.loginAttemptsPerEmailPerQuarterHour(), Duration.ofMinutes(15));
    }

    /** Limits the email-less sign-in steps (provider sign-in start, code exchange) per client IP. */
    void checkIp(String ip) {
        RateLimiter.Decision byIp = limiter.tryAcquire("login-ip:" + ip, perIp);
        if (!byIp.allowed()) {
            throw ProblemException.rateLimited(byIp.retryAfterSeconds(),
                    "Too many sign-in attempts from this address; try again in " + byIp.retryAfterSeconds() + " s.");
        }
    }

    void check(String ip, String email) {
        checkIp(ip);
        RateLimiter.Decision byEmail = limiter.tryAcquire("login-email:" + email.toLowerCase(Locale.ROOT), perEmail);
        if (!byEmail.allowed()) {
            throw ProblemException.rateLimited(byEmail.retryAfterSeconds(),
                    "Too many sign-in attempts for this account; try again in " + byEmail.retryAfterSeconds() + " s.");
        }
    }
}
