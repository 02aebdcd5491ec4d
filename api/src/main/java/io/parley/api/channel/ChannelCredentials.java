package io.parley.api.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.parley.core.channel.ChannelType;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A channel's credentials: the fields each type takes, their validation, and the values (sealed as one JSON
 * document at rest). Besides what the tenant sends, a document may hold generated values: a WhatsApp
 * {@code verifyToken} when none was given, and the Telegram {@code webhookSecret} given to setWebhook.
 */
final class ChannelCredentials {

    static final String VERIFY_TOKEN = "verifyToken";
    static final String WEBHOOK_SECRET = "webhookSecret";
    /** Web: the secret host sites sign their users' identities with (generated, rotated by its own operation). */
    static final String IDENTITY_SECRET = "identitySecret";
    /** WhatsApp: the WhatsApp Business Account (WABA) id; optional, needed for message templates. */
    static final String BUSINESS_ACCOUNT_ID = "businessAccountId";
    /** WhatsApp: the number's throughput (messages/s) when Meta raised it above the default; optional. */
    static final String MESSAGES_PER_SECOND = "messagesPerSecond";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LENGTH = 4096;
    /** Below this length the last 4 characters would give away too much of a secret. */
    private static final int MIN_LENGTH_FOR_HINT = 12;
    private static final Pattern NO_SPACES = Pattern.compile("\\S+");
    private static final Map<ChannelType, List<Field>> FIELDS = Map.of(
            ChannelType.LINE, List.of(Field.secret("channelSecret"), Field.secret("channelAccessToken")),
            ChannelType.WHATSAPP, List.of(
                    new Field("phoneNumberId", false, true, Pattern.compile("[0-9]{1,30}"),
                            "must be the numeric phone number id from WhatsApp Manager, e.g. 106540352242922"),
                    Field.secret("accessToken"), Field.secret("appSecret"),
                    new Field(BUSINESS_ACCOUNT_ID, false, false, Pattern.compile("[0-9]{1,30}"),
                            "must be the numeric WhatsApp Business Account id from WhatsApp Manager, e.g. "
                            + "102290129340398"),
                    new Field(MESSAGES_PER_SECOND, false, false, Pattern.compile("[1-9][0-9]{0,2}|1000"),
                            "must be a whole number of messages per second from 1 to 1000"),
                    new Field(VERIFY_TOKEN, false, false, Pattern.compile("[\\x21-\\x7E]{1,200}"),
                            "must be 1-200 visible ASCII characters without spaces")),
            ChannelType.TELEGRAM, List.of(new Field("botToken", true, true,
                    Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{1,200}"),
                    "must look like 123456789:AAH… (the token @BotFather gave you)")),
            ChannelType.WEB, List.of());

    private record Field(String name, boolean secret, boolean required, Pattern format, String formatMessage) {
        static Field secret(String name) {
            return new Field(name, true, true, NO_SPACES, "must not contain spaces");
        }
    }

    private final Map<String, String> values;

    ChannelCredentials(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Checks what a tenant sent for {@code type}, listing every missing or malformed field at once; generated values
     * are taken from {@code current} (the credentials being replaced) or made anew.
     */
    static ChannelCredentials validate(ChannelType type, @Nullable Map<String, Object> sent,
                                       @Nullable ChannelCredentials current) {
        Map<String, Object> input = sent == null ? Map.of() : sent;
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        List<Field> fields = FIELDS.get(type);
        for (Field field : fields) {
            Object raw = input.get(field.name());
            String text = raw instanceof String s ? s.trim() : raw instanceof Number n ? n.toString() : null;
            String path = "credentials." + field.name();
            if (raw != null && text == null) {
                errors.add(new Problem.FieldError(path, "must be a string"));
            } else if (text == null || text.isEmpty()) {
                if (field.required()) {
                    errors.add(new Problem.FieldError(path, "is required for " + type.label() + " channels"));
                }
            } else if (text.length() > MAX_LENGTH) {
                errors.add(new Problem.FieldError(path, "must be at most " + MAX_LENGTH + " characters"));
            } else if (!field.format().matcher(text).matches()) {
                errors.add(new Problem.FieldError(path, field.formatMessage()));
            } else {
                values.put(field.name(), text);
            }
        }
        List<String> known = fields.stream().map(Field::name).toList();
        for (String name : input.keySet()) {
            if (!known.contains(name)) {
                errors.add(new Problem.FieldError("credentials." + name, "is not a " + type.label() + " credential"
                        + (known.isEmpty() ? "; send {}" : "; expected " + String.join(", ", known))));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, HttpStatus.BAD_REQUEST,
                    String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors,
                    Map.of());
        }
        if (type == ChannelType.WHATSAPP && !values.containsKey(VERIFY_TOKEN)) {
            String kept = current == null ? null : current.get(VERIFY_TOKEN);
            values.put(VERIFY_TOKEN, kept != null ? kept : randomToken(24));
        }
        for (String generated : List.of(WEBHOOK_SECRET, IDENTITY_SECRET)) {
            if (current != null && current.get(generated) != null) {
                values.put(generated, current.get(generated));
            }
        }
        return new ChannelCredentials(values);
    }

    /** Random, URL-safe text of {@code bytes} random bytes ([A-Za-z0-9_-], as Telegram's secret_token allows). */
    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Nullable
    String get(String name) {
        return values.get(name);
    }

    /** The values of the fields a tenant sends for {@code type} (generated ones left out): the base of a merge. */
    Map<String, String> sentValues(ChannelType type) {
        Map<String, String> sent = new LinkedHashMap<>();
        for (Field field : FIELDS.get(type)) {
            if (values.get(field.name()) != null) {
                sent.put(field.name(), values.get(field.name()));
            }
        }
        return sent;
    }

    Map<String, String> values() {
        return values;
    }

    ChannelCredentials with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new ChannelCredentials(copy);
    }

    /** The provider's id of the account when the credentials name it (LINE's is learned on verify). */
    @Nullable
    String externalId(ChannelType type) {
        String botToken = get("botToken");
        return switch (type) {
            case WHATSAPP -> get("phoneNumberId");
            case TELEGRAM -> botToken == null ? null : botToken.substring(0, botToken.indexOf(':'));
            case LINE, WEB -> null;
        };
    }

    /** Per secret field the tenant entered: only that it is set and, for long secrets, its last 4 characters. */
    Map<String, ChannelWire.CredentialHint> hints(ChannelType type) {
        Map<String, ChannelWire.CredentialHint> hints = new LinkedHashMap<>();
        for (Field field : FIELDS.get(type)) {
            String value = get(field.name());
            if (field.secret() && value != null) {
                hints.put(field.name(), new ChannelWire.CredentialHint(true, value.length() < MIN_LENGTH_FOR_HINT
                        ? null : "…" + value.substring(value.length() - 4)));
            }
        }
        String identitySecret = get(IDENTITY_SECRET);
        if (identitySecret != null) {
            hints.put(IDENTITY_SECRET, new ChannelWire.CredentialHint(true,
                    "…" + identitySecret.substring(identitySecret.length() - 4)));
        }
        return hints;
    }

    @Override
    public String toString() {
        return "ChannelCredentials" + values.keySet();
    }
}
