package io.parley.core.summary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;

/**
 * A bot's long-memory settings, stored as JSON in {@code bots.memory_settings} (V161; docs/llm.md "Long memory").
 * {@code {}} is the default: no summaries (each one is an extra, paid LLM call, so a tenant turns them on).
 *
 * @param summary      keep a rolling summary of what fell out of the history window and show it to the LLM
 * @param summaryModel the model that writes it, on the bot's provider and key (null: the bot's own model)
 */
@Serdeable
public record SummarySettings(boolean summary, @Nullable String summaryModel) {

    public static final SummarySettings OFF = new SummarySettings(false, null);

    /** The stored JSON read leniently: a row that cannot be read means "off" rather than a broken turn. */
    public static SummarySettings read(JsonMapper json, @Nullable String stored) {
        if (stored == null || stored.isBlank()) {
            return OFF;
        }
        try {
            SummarySettings settings = json.readValue(stored, SummarySettings.class);
            return settings == null ? OFF : settings;
        } catch (IOException e) {
            return OFF;
        }
    }
}
