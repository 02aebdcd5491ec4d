package io.parley.core.account.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text templates of account emails, {@code classpath:mail/<kind>.<language>.txt}: the first line is
 * {@code Subject: …}, the rest the body; {@code {name}} placeholders are replaced by the email's values. Plain
 * {@link String} substitution rather than a template engine: a handful of fixed values, no loops or escaping (the
 * mail is text/plain), so a dependency would add nothing.
 */
final class AccountEmailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** A rendered email. */
    record Rendered(String subject, String body) {
    }

    private AccountEmailTemplates() {
    }

    static Rendered render(AccountEmail email) {
        String template = load(email.kind(), email.language());
        int newline = template.indexOf('\n');
        String first = template.substring(0, newline).strip();
        if (!first.startsWith("Subject:")) {
            throw new IllegalStateException("mail/" + email.kind() + "." + email.language() + ".txt must start with "
                    + "a Subject: line");
        }
        Map<String, String> values = new HashMap<>(email.values());
        values.put("link", email.link());
        return new Rendered(fill(first.substring("Subject:".length()).strip(), values),
                fill(template.substring(newline + 1).stripLeading(), values));
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    private static String load(String kind, String language) {
        String path = "mail/" + kind + "." + language + ".txt";
        try (InputStream in = AccountEmailTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no mail template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
