package io.parley.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Provider protocol fixtures (copied byte-exact from shared/protocols/fixtures into the test classpath). */
public final class Fixtures {

    private Fixtures() {
    }

    /** The exact bytes of a fixture, e.g. {@code bytes("line-webhook-text.json")}. */
    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/protocols/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name + " in protocols/fixtures");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
