package io.parley.core.notification;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.ServerRoles;
import io.parley.core.account.MemberRow;
import io.parley.core.account.MembershipRepository;
import io.parley.core.account.TenantRepository;
import io.parley.core.account.TenantRow;
import io.parley.core.mail.Mailer;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.UUID;

/**
 * Emails one notification to one member (job kind {@value #KIND}; args: the notification's and the member's ids).
 * One job per recipient, unique per pair, so a retry after an SMTP failure never mails the others twice. The member
 * is read again when the job runs: someone removed meanwhile, or whose role no longer sees the notification, gets
 * nothing. Logs name ids only, never an address's mailbox content or a credential.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class NotificationEmailHandler implements JobHandler {

    static final String KIND = "notification.email";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationEmailHandler.class);

    /** The job's arguments (ids only, HOUSE-STYLE 5); jsonb keeps no key order, so they are parsed, not matched. */
    @Serdeable
    record Args(UUID notificationId, UUID userId) {
    }

    private final TenantScope scope;
    private final NotificationStore store;
    private final MembershipRepository members;
    private final TenantRepository tenants;
    private final Mailer mailer;
    private final String publicUrl;
    private final JsonMapper json;

    NotificationEmailHandler(TenantScope scope, NotificationStore store, MembershipRepository members,
                             TenantRepository tenants, Mailer mailer,
                             @Value("${parley.public-url:`http://localhost:8080`}") String publicUrl,
                             JsonMapper json) {
        this.json = json;
        this.scope = scope;
        this.store = store;
        this.members = members;
        this.tenants = tenants;
        this.mailer = mailer;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    static JobRequest job(UUID notification, UUID user) {
        return JobRequest.of(KIND, "{\"notificationId\":\"" + notification + "\",\"userId\":\"" + user + "\"}")
                .unique("notification-email:" + notification + ":" + user)
                .maxAttempts(8);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        Args args = job.args(json, Args.class, a -> a.notificationId() != null && a.userId() != null,
                KIND + " args name no notification and member");
        if (!mailer.configured()) {
            throw new JobDiscard("SMTP is no longer configured");
        }
        UUID notificationId = args.notificationId();
        UUID userId = args.userId();
        TenantId tenant = job.tenant();
        record Mail(Notification notification, MemberRow member, String tenantName) {
        }
        Optional<Mail> mail = scope.read(tenant, () -> store.find(tenant, notificationId).flatMap(notification ->
                members.find(tenant.value(), userId)
                        .filter(member -> Role.fromWire(member.role())
                                .map(role -> role.atLeast(Role.fromWire(notification.minRole()).orElseThrow()))
                                .orElse(false))
                        .map(member -> new Mail(notification, member, tenants.findById(tenant.value())
                                .map(TenantRow::name).orElse("Parley")))));
        if (mail.isEmpty()) {
            LOG.info("Notification {} is not mailed to member {}: gone, or no longer sees it", notificationId, userId);
            return;
        }
        Notification notification = mail.get().notification();
        mailer.send(mail.get().member().email(), "[" + mail.get().tenantName() + "] " + notification.title(),
                NotificationMailText.of(notification, mail.get().tenantName(), publicUrl));
    }
}
