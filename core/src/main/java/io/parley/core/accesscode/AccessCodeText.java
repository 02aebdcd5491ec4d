package io.parley.core.accesscode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The text of an access code: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), shown as
 * {@code ABCD-EFGH-JKMN}. 30^12 ≈ 2^59 codes, so guessing one within the per-contact attempt limit is hopeless.
 * A typed code is read case-, width- and separator-insensitively ({@code abcd efgh jkmn}, full-width letters).
 *
 * <p>Only the hash is stored: SHA-256 over the bot's id and the normalized code, so equal codes of two bots differ
 * and a copied table reveals no code (a brute force over 2^59 per bot is out of reach).
 */
public final class AccessCodeText {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessCodeText() {
    }

    /** A new random code, grouped by four with dashes. */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The typed code without separators, upper-case; empty when it cannot be a code at all. */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 100) {
            return Optional.empty();
        }
        String plain = Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                .replaceAll("[\\s\\-_.]", "");
        if (plain.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < plain.length(); i++) {
            if (ALPHABET.indexOf(plain.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(plain);
    }

    /** What is stored for {@code normalized} of {@code bot}. */
    public static byte[] hash(UUID bot, String normalized) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((bot + ":" + normalized).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
