package io.parley.worker.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.testing.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Provider fixtures parsed into payload records, for the mappers' unit tests (no server, no database). */
public final class Payloads {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private Payloads() {
    }

    public static <T> T fixture(String name, Class<T> type) {
        return parse(Fixtures.text(name), type);
    }

    public static <T> T parse(String json, Class<T> type) {
        try {
            return JSON.readValue(json, Argument.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
