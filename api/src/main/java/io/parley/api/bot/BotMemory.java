package io.parley.api.bot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.summary.SummarySettings;
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Pattern;

import java.io.IOException;
import java.io.UncheckedIOException;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A bot's {@code memory} object (docs/llm.md "Long memory"): whether a rolling summary of the conversation is kept
 * and which model writes it. Merged member by member (JSON Merge Patch; {@code "memory": null} turns it off) and
 * stored as JSON in {@code bots.memory_settings} (V161).
 */
@Singleton
final class BotMemory {

    private final JsonMapper json;

    BotMemory(JsonMapper json) {
        this.json = json;
    }

    @Serdeable
    @Schema(name = "BotMemoryRequest", description = "Long memory: a rolling summary of what fell out of the "
            + "history window, written in the background and shown to the LLM with the last messages")
    record MemoryRequest(
            @Nullable @Schema(description = "Keep a conversation summary (default false: each update is an extra, "
                    + "paid LLM call)") Boolean summary,
            @Nullable @Pattern(regexp = "[A-Za-z0-9._:/@-]{1,200}", message = "must be a model name such as gpt-4o-mini")
            @Schema(description = "The model that writes the summary, on the bot's provider and key; null or absent: "
                    + "the bot's own model", example = "gpt-4o-mini") String summaryModel) {
    }

    @Serdeable
    @Schema(name = "BotMemorySettings")
    record MemoryView(@Schema(requiredMode = REQUIRED) boolean summary,
                      @Nullable @Schema(description = "null: the bot's own model") String summaryModel) {
    }

    /** The stored JSON after the request, for a bot whose stored settings are {@code stored}. */
    String merge(String stored, @Nullable MemoryRequest sent, MergePatch patch) {
        if (patch.removes("memory")) {
            return write(SummarySettings.OFF);
        }
        SummarySettings current = SummarySettings.read(json, stored);
        if (sent == null) {
            return write(current);
        }
        boolean summary = sent.summary() != null ? sent.summary() : !patch.removes("memory.summary") && current.summary();
        String model = sent.summaryModel() != null ? sent.summaryModel()
                : patch.removes("memory.summaryModel") ? null : current.summaryModel();
        return write(new SummarySettings(summary, model));
    }

    MemoryView view(String stored) {
        SummarySettings settings = SummarySettings.read(json, stored);
        return new MemoryView(settings.summary(), settings.summaryModel());
    }

    private String write(SummarySettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
