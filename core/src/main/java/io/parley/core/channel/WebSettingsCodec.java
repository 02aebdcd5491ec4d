package io.parley.core.channel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes {@code channels.web_settings}. Parsed documents are cached by their text: every widget request
 * reads its channel's settings, and they change rarely.
 */
@Singleton
public final class WebSettingsCodec {

    private final JsonMapper json;
    private final Cache<String, WebChannelSettings> parsed = Caffeine.newBuilder().maximumSize(10_000).build();

    WebSettingsCodec(JsonMapper json) {
        this.json = json;
    }

    public WebChannelSettings of(ChannelRow row) {
        return read(row.webSettings());
    }

    public WebChannelSettings read(String document) {
        if (document == null || document.isBlank()) {
            return WebChannelSettings.DEFAULTS;
        }
        return parsed.get(document, text -> {
            try {
                WebChannelSettings settings = json.readValue(text, Argument.of(WebChannelSettings.class));
                return settings == null ? WebChannelSettings.DEFAULTS : settings;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public String write(WebChannelSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
