package io.parley.core.account.email;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.parley.core.mail.Mailer;
import io.parley.core.mail.SmtpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without SMTP an account email is not sent; its link is logged only in development (a loopback public URL), never
 * where Parley runs at a public address.
 */
class AccountEmailsTest {

    private static final String LINK = "http://localhost:8080/verify-email#token=secret-token-value";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AccountEmails.class);

    @BeforeEach
    void capture() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logs);
    }

    private static AccountEmails withoutSmtp(String publicUrl) {
        Mailer none = new Mailer(new SmtpSettings(null, 587, null, null, "Parley <no-reply@localhost>", true));
        return new AccountEmails(none, null, null, null, null, publicUrl);
    }

    private static AccountEmail email() {
        return new AccountEmail(AccountEmail.VERIFY_EMAIL, "someone@example.com", "en", LINK,
                Map.of("email", "someone@example.com", "hours", "48"));
    }

    @Test
    void inDevelopmentTheLinkIsLogged() {
        withoutSmtp("http://localhost:8080").send(email());

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains(LINK));
    }

    @Test
    void atAPublicAddressTheLinkIsNeverLogged() {
        withoutSmtp("https://parley.example.com").send(email());

        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("secret-token-value"));
    }

    @Test
    void onlyLoopbackHostsCountAsDevelopment() {
        assertThat(AccountEmails.isLoopback("http://127.0.0.1:8080/")).isTrue();
        assertThat(AccountEmails.isLoopback("http://[::1]:8080")).isTrue();
        assertThat(AccountEmails.isLoopback("https://localhost.example.com")).isFalse();
        assertThat(AccountEmails.isLoopback("not a url")).isFalse();
    }

    @Test
    void templatesFillEveryPlaceholderInBothLanguages() {
        for (String kind : new String[] {AccountEmail.VERIFY_EMAIL, AccountEmail.RESET_PASSWORD,
                AccountEmail.INVITATION}) {
            for (String language : new String[] {"en", "zh-Hant"}) {
                AccountEmailTemplates.Rendered mail = AccountEmailTemplates.render(new AccountEmail(kind,
                        "a@example.com", language, LINK, Map.of("email", "a@example.com", "hours", "48",
                        "minutes", "60", "tenant", "Acme", "inviter", "b@example.com", "role", "agent", "days", "7")));
                assertThat(mail.body()).contains(LINK).doesNotContain("{");
                assertThat(mail.subject()).isNotBlank().doesNotContain("{");
            }
        }
    }
}
