package io.parley.core.account.email;

import io.micronaut.context.annotation.Value;
import io.parley.core.mail.Mailer;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.secrets.SecretBox;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Sends account emails (verification, password reset, invitation) through the one {@link Mailer}, from the job queue:
 * the request that asks for one only stores it (sealed) and enqueues {@value AccountEmailHandler#KIND}, so a slow or
 * down SMTP server never slows the request or tells by its timing whether an account exists, and a failed send is
 * retried with backoff.
 *
 * <p>Without SMTP nothing is sent. In development — when {@code parley.public-url} is a loopback address, where the
 * link only works on this machine anyway — the link is logged for the developer; otherwise logs never show it.
 */
@Singleton
public final class AccountEmails {

    /**
     * Account emails belong to a person, not a workspace, but every job names a tenant: this id is no tenant's, so
     * no tenant's job list shows these jobs.
     */
    static final TenantId NO_TENANT = new TenantId(new UUID(0, 0));

    private static final Logger LOG = LoggerFactory.getLogger(AccountEmails.class);
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Mailer mailer;
    private final TenantScope scope;
    private final AccountEmailRepository outbox;
    private final JobQueue queue;
    private final SecretBox box;
    private final boolean development;

    AccountEmails(Mailer mailer, TenantScope scope, AccountEmailRepository outbox, JobQueue queue, SecretBox box,
                  @Value("${parley.public-url:`http://localhost:8080`}") String publicUrl) {
        this.mailer = mailer;
        this.scope = scope;
        this.outbox = outbox;
        this.queue = queue;
        this.box = box;
        this.development = isLoopback(publicUrl);
    }

    /** Whether emails are really sent (SMTP is configured). */
    public boolean delivering() {
        return mailer.configured();
    }

    /**
     * Deletes the outbox rows made before {@code before}: sent ones hold no body any more, unsent ones gave up long ago
     * and their links expired (48 hours at the most). How many were deleted.
     */
    public int deleteMadeBefore(Instant before) {
        return scope.write(NO_TENANT, () -> outbox.deleteCreatedBefore(before));
    }

    /** Queues the email (its own transaction); without SMTP, logs its link in development only. */
    public void send(AccountEmail email) {
        if (!mailer.configured()) {
            if (development) {
                LOG.info("SMTP is not configured, so this {} email is not sent. Development only: its link is {}",
                        email.kind(), email.link());
            } else {
                LOG.info("SMTP is not configured: a {} email was not sent (set PARLEY_SMTP_HOST)", email.kind());
            }
            return;
        }
        AccountEmailTemplates.Rendered rendered = AccountEmailTemplates.render(email);
        UUID id = Ids.next();
        scope.writeVoid(NO_TENANT, () -> {
            outbox.insert(id, email.kind(), email.recipient(), rendered.subject(),
                    box.seal(rendered.body(), AccountEmailHandler.context(id)));
            queue.enqueue(NO_TENANT, AccountEmailHandler.job(id));
        });
    }

    static boolean isLoopback(String publicUrl) {
        try {
            String host = URI.create(publicUrl.trim()).getHost();
            return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
