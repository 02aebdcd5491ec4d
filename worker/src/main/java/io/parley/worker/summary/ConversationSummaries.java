package io.parley.worker.summary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.parley.core.bot.BotRow;
import io.parley.core.summary.ConversationSummaryRepository;
import io.parley.core.summary.SummarySettings;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import java.util.UUID;

/** The summary a turn's prompt shows (docs/llm.md "Long memory"): only for a bot that keeps summaries. */
@Singleton
public final class ConversationSummaries {

    private final TenantScope scope;
    private final ConversationSummaryRepository summaries;
    private final JsonMapper json;

    ConversationSummaries(TenantScope scope, ConversationSummaryRepository summaries, JsonMapper json) {
        this.scope = scope;
        this.summaries = summaries;
        this.json = json;
    }

    /** The conversation's summary, or null (none yet, blank, or the bot keeps none). Outside a transaction. */
    @Nullable
    public String forPrompt(TenantId tenant, BotRow bot, UUID conversationId) {
        if (!SummarySettings.read(json, bot.memorySettings()).summary()) {
            return null;
        }
        return scope.read(tenant, () -> summaries.find(tenant.value(), conversationId)
                .map(ConversationSummaryRepository.SummaryRow::summary)
                .filter(text -> !text.isBlank())
                .orElse(null));
    }
}
