package io.parley.core.account.email;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.ServerRoles;
import io.parley.core.mail.Mailer;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.queue.JobRequest;
import io.parley.core.secrets.SecretBox;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Sends one account email of the outbox (job kind {@value #KIND}; args: the email's id), then drops its sealed body.
 * An SMTP failure throws, so the queue retries with backoff; an email already sent is not sent again. Logs name the
 * email's id and kind only, never its recipient's link.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class AccountEmailHandler implements JobHandler {

    static final String KIND = "account.email";

    private static final Logger LOG = LoggerFactory.getLogger(AccountEmailHandler.class);

    @Serdeable
    record Args(UUID emailId) {
    }

    private final AccountEmailRepository outbox;
    private final Mailer mailer;
    private final SecretBox box;
    private final JsonMapper json;

    AccountEmailHandler(AccountEmailRepository outbox, Mailer mailer, SecretBox box, JsonMapper json) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.box = box;
        this.json = json;
    }

    static JobRequest job(UUID email) {
        return JobRequest.of(KIND, "{\"emailId\":\"" + email + "\"}").unique("account-email:" + email).maxAttempts(8);
    }

    /** The sealed body's associated data: a body copied to another row does not open. */
    static String context(UUID email) {
        return "account-email:" + email;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        Args args = job.args(json, Args.class, a -> a.emailId() != null, KIND + " args name no email");
        if (!mailer.configured()) {
            throw new JobDiscard("SMTP is no longer configured");
        }
        AccountEmailRow email = outbox.find(args.emailId()).orElse(null);
        if (email == null || email.sealedBody() == null) {
            LOG.info("Account email {} is gone or already sent", args.emailId());
            return;
        }
        mailer.send(email.recipient(), email.subject(), box.open(email.sealedBody(), context(email.id())));
        outbox.markSent(email.id());
    }
}
