package io.parley.core.moderation;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads and writes {@code bots.moderation} ({@link ModerationSettings} as JSON; {@code {}} or null = off). */
@Singleton
public final class ModerationCodec {

    private final JsonMapper json;

    public ModerationCodec(JsonMapper json) {
        this.json = json;
    }

    public ModerationSettings read(String stored) {
        if (stored == null || stored.isBlank()) {
            return ModerationSettings.OFF;
        }
        try {
            ModerationSettings settings = json.readValue(stored, ModerationSettings.class);
            return settings == null ? ModerationSettings.OFF : settings;
        } catch (IOException e) {
            throw new UncheckedIOException("Stored moderation settings are unreadable", e);
        }
    }

    public String write(ModerationSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
