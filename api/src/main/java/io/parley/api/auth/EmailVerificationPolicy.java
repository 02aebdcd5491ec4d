package io.parley.api.auth;

import io.parley.api.caller.Caller;
import io.parley.core.account.UserRepository;
import io.parley.core.account.UserRow;
import io.parley.core.account.email.AccountEmails;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

/**
 * What an account may do before its email is verified (docs/identity.md "Email"). Everything, except acts that reach
 * other people or money: inviting members, changing billing (checkout, plan change, the Stripe portal) and creating
 * API keys answer 403 "verify your email first". A squatter who signs up with someone else's address can then try the
 * product but cannot invite, pay or mint long-lived credentials in that person's name.
 *
 * <p>On when {@code parley.auth.require-verified-email} is true; unset, on exactly when SMTP is configured (without a
 * mail server nobody could ever verify). API keys pass: only a verified user (or one from before the rule) made them.
 */
@Singleton
public final class EmailVerificationPolicy {

    static final String VERIFY_FIRST = "Verify your email address first: open the link we emailed you, or ask for a "
            + "new one.";

    private final boolean required;
    private final UserRepository users;

    EmailVerificationPolicy(AuthConfiguration configuration, AccountEmails emails, UserRepository users) {
        this.required = configuration.requireVerifiedEmail() != null ? configuration.requireVerifiedEmail()
                : emails.delivering();
        this.users = users;
    }

    public boolean required() {
        return required;
    }

    /** 403 when the rule is on and the calling user has not verified their email; API keys pass. */
    public void require(Caller caller) {
        if (!required || caller.isApiKey() || caller.user() == null) {
            return;
        }
        boolean verified = users.findById(caller.user().value()).map(UserRow::emailVerified).orElse(false);
        if (!verified) {
            throw ProblemException.forbidden(VERIFY_FIRST);
        }
    }
}
