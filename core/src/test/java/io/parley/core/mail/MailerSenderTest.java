package io.parley.core.mail;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configured SMTP server with a blank or malformed sender is refused at startup, not at every mail job. */
class MailerSenderTest {

    private static SmtpSettings smtp(String from) {
        return new SmtpSettings("127.0.0.1", 2525, null, null, from, false);
    }

    @Test
    void aBlankSenderIsRefusedWhenSmtpIsConfigured() {
        assertThatThrownBy(() -> new Mailer(smtp(" ")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PARLEY_SMTP_FROM");
    }

    @Test
    void aMalformedSenderIsRefusedWhenSmtpIsConfigured() {
        assertThatThrownBy(() -> new Mailer(smtp("Parley <no-reply@>")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PARLEY_SMTP_FROM");
    }

    @Test
    void aNamedSenderIsAccepted() {
        assertThat(new Mailer(smtp("Parley <no-reply@parley.example>")).configured()).isTrue();
    }

    @Test
    void withoutSmtpTheSenderIsNotChecked() {
        assertThat(new Mailer(new SmtpSettings(null, 587, null, null, "", true)).configured()).isFalse();
    }
}
