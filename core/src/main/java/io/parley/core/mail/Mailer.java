package io.parley.core.mail;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * Sends plain-text email through the configured SMTP server with Jakarta Mail (Eclipse Angus, its reference
 * implementation). Callers send from jobs, so a server that is down means a retry with backoff, never a lost mail
 * or a slow request. {@link #configured()} is false without {@code parley.smtp.host}; sending then throws.
 */
@Context // created at start-up, so a malformed PARLEY_SMTP_FROM stops the start instead of every mail job
public final class Mailer {

    /** Connect, read and write timeout: a mail job must not hang on a dead server (the queue retries it). */
    private static final String TIMEOUT_MILLIS = "10000";

    private final SmtpSettings settings;
    private final Session session;

    public Mailer(SmtpSettings settings) {
        this.settings = settings;
        this.session = settings.configured() ? session(settings) : null;
        if (settings.configured()) {
            sender(settings.from());
        }
    }

    /**
     * The configured sender, checked when the application starts: a blank or malformed {@code PARLEY_SMTP_FROM}
     * would otherwise fail every mail job on every retry, long after the operator deployed it.
     */
    static InternetAddress sender(String from) {
        try {
            if (from == null || from.isBlank()) {
                throw new AddressException("empty");
            }
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new ConfigurationException("parley.smtp.from (PARLEY_SMTP_FROM) must be an email address such as "
                    + "\"Parley <no-reply@example.com>\", not \"" + from + "\": " + e.getMessage());
        }
    }

    public boolean configured() {
        return session != null;
    }

    /** Sends one message to one address; throws {@link MailFailure} when the server refuses it or is unreachable. */
    public void send(String to, String subject, String text) {
        if (session == null) {
            throw new IllegalStateException("SMTP is not configured (parley.smtp.host)");
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(sender(settings.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text, StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(Instant.now()));
            Transport.send(message);
        } catch (MessagingException e) {
            // The server's answer names no secret; the password is never part of an exception's message.
            throw new MailFailure("SMTP refused or failed: " + e.getMessage(), e);
        }
    }

    private static Session session(SmtpSettings settings) {
        Properties properties = new Properties();
        String timeout = TIMEOUT_MILLIS;
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        Authenticator authenticator = settings.authenticates() ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(),
                        settings.password() == null ? "" : settings.password());
            }
        } : null;
        return Session.getInstance(properties, authenticator);
    }

    /** Sending failed; the job that sends retries. */
    public static final class MailFailure extends RuntimeException {
        MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
