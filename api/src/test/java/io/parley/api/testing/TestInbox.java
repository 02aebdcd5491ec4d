package io.parley.api.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server in-process (GreenMail, speaking real SMTP) for API tests of the emails Parley sends, with the
 * {@code parley.smtp.*} properties that point Parley at it.
 */
public final class TestInbox implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");

    private final GreenMail smtp;

    public TestInbox() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    public Map<String, String> properties() {
        return Map.of("parley.smtp.host", "127.0.0.1",
                "parley.smtp.port", Integer.toString(smtp.getSmtp().getPort()),
                "parley.smtp.from", "Parley <no-reply@parley.test>",
                "parley.smtp.starttls", "false");
    }

    /** A received email: subject and plain-text body. */
    public record Mail(String to, String subject, String body) {

        /** The token of the link in the body ({@code …#token=…}). */
        public String token() {
            Matcher matcher = TOKEN.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no #token= link in: " + body);
            }
            return matcher.group(1);
        }
    }

    /** The emails to {@code address}, waiting up to 10 s for {@code expected} of them. */
    public List<Mail> to(String address, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Mail> mails;
        do {
            mails = Arrays.stream(smtp.getReceivedMessages()).map(TestInbox::mail)
                    .filter(mail -> mail.to().equalsIgnoreCase(address)).toList();
            if (mails.size() >= expected) {
                return mails;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        return mails;
    }

    /** The only email to {@code address} (waits for it; fails when there is none or more). */
    public Mail only(String address) {
        List<Mail> mails = to(address, 1);
        if (mails.size() != 1) {
            throw new AssertionError("expected one email to " + address + ", got " + mails.size());
        }
        return mails.getFirst();
    }

    /** The newest email to {@code address} once there are {@code count}. */
    public Mail nth(String address, int count) {
        List<Mail> mails = to(address, count);
        if (mails.size() < count) {
            throw new AssertionError("expected " + count + " emails to " + address + ", got " + mails.size());
        }
        return mails.get(count - 1);
    }

    private static Mail mail(MimeMessage message) {
        try {
            String to = Arrays.stream(message.getAllRecipients()).map(Address::toString).findFirst().orElseThrow();
            return new Mail(to, message.getSubject(), ((String) message.getContent()).replace("\r\n", "\n"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
