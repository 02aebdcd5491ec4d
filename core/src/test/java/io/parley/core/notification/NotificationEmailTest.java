package io.parley.core.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.MembershipRepository;
import io.parley.core.account.TenantRepository;
import io.parley.core.account.UserRepository;
import io.parley.core.mail.Mailer;
import io.parley.core.mail.SmtpSettings;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With SMTP configured, a notification is mailed through the job queue to each member who sees it, once, by a real
 * SMTP server in-process (GreenMail) that requires the configured user and password.
 */
@MicronautTest(transactional = false)
class NotificationEmailTest implements DatabaseTest {

    private static final String FROM = "Parley Alerts <alerts@parley.test>";

    private GreenMail smtp;

    @Inject
    Notifications notifications;
    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    UserRepository users;
    @Inject
    MembershipRepository memberships;

    @Override
    public Map<String, String> getProperties() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtp.getUserManager().setAuthRequired(true);
        smtp.setUser("alerts@parley.test", "mailer", "mail-secret");
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.smtp.host", "127.0.0.1");
        properties.put("parley.smtp.port", Integer.toString(smtp.getSmtp().getPort()));
        properties.put("parley.smtp.username", "mailer");
        properties.put("parley.smtp.password", "mail-secret");
        properties.put("parley.smtp.from", FROM);
        properties.put("parley.smtp.starttls", "false");
        properties.put("parley.public-url", "https://parley.example");
        return properties;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aBillingNotificationIsMailedOnceToEachOwnerAndAdmin() throws Exception {
        TestTeam team = TestTeam.create(scope, tenants, users, memberships);
        TenantId tenant = team.tenant();

        scope.write(tenant, () -> notifications.raise(tenant, TestTeam.draft("mail-once", Role.ADMIN)));
        scope.write(tenant, () -> notifications.raise(tenant, TestTeam.draft("mail-once", Role.ADMIN)));

        List<MimeMessage> mails = mailsTo(team, 2);
        assertThat(mails).extracting(NotificationEmailTest::to)
                .containsExactlyInAnyOrder(team.email(Role.OWNER), team.email(Role.ADMIN));
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getFrom()).extracting(Address::toString).containsExactly(FROM);
        assertThat(mail.getSubject()).startsWith("[Team ").endsWith("] 80 % of the monthly LLM budget used");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
                .contains("Your bots used $8.00 of the $10.00 monthly budget.")
                .contains("Open: https://parley.example/billing");
        Thread.sleep(500);
        assertThat(mailsTo(team, 0)).hasSize(2);
        assertThat(NotificationsTest.emailJobs(tenant)).isEqualTo(2);
    }

    @Test
    void aHandOffNotificationIsMailedToEveryoneWhoCanAnswer() throws Exception {
        TestTeam team = TestTeam.create(scope, tenants, users, memberships);
        TenantId tenant = team.tenant();

        scope.write(tenant, () -> notifications.raise(tenant, TestTeam.draft("handoff", Role.AGENT)));

        assertThat(mailsTo(team, 3)).extracting(NotificationEmailTest::to).containsExactlyInAnyOrder(
                team.email(Role.OWNER), team.email(Role.ADMIN), team.email(Role.AGENT));
    }

    @Test
    void theServerRefusesAWrongPasswordSoTheConfiguredOneIsUsed() {
        Mailer wrong = new Mailer(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "mailer", "not-it", FROM,
                false));

        assertThatThrownBy(() -> wrong.send("someone@parley.test", "hi", "text"))
                .isInstanceOf(Mailer.MailFailure.class).hasMessageNotContaining("not-it");
    }

    @Test
    void starttlsRequiredRefusesAServerWithoutIt() {
        Mailer tls = new Mailer(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "mailer", "mail-secret",
                FROM, true));

        assertThatThrownBy(() -> tls.send("someone@parley.test", "hi", "text"))
                .isInstanceOf(Mailer.MailFailure.class);
    }

    private static String to(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString).findFirst().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails to this team's members, waiting up to 10 s for {@code expected} of them. */
    private List<MimeMessage> mailsTo(TestTeam team, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<MimeMessage> mails;
        do {
            mails = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> to(m).endsWith("@" + team.tenant().value() + ".test")).toList();
            if (mails.size() >= expected) {
                return mails;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return mails;
    }
}
