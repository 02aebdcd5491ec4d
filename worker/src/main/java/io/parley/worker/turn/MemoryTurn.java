package io.parley.worker.turn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.parley.core.config.BotConfiguration;
import io.parley.core.config.BotConfigurationCache;
import io.parley.core.config.BotKey;
import io.parley.core.memory.MemoryFields;
import io.parley.core.memory.MemoryStore;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.llm.LlmTool;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The memory side of an LLM turn. Before the call: the bot's memory fields (from the configuration snapshot, no
 * query) and, when it has any, the contact's and conversation's values (one short read). The model is offered the
 * {@code update_memory} tool — or told to write a {@code ```memory} block when the bot says its provider has no tools
 * ({@code updateMode: json_block}), or when the provider answered a request with tools with HTTP 400: that bot then
 * uses the block for {@link #REFUSED_FOR} before tools are tried again. The proposals are applied with the reply
 * ({@link ReplyWriter}).
 */
@Singleton
final class MemoryTurn {

    static final Duration REFUSED_FOR = Duration.ofHours(1);

    private final BotConfigurationCache configurations;
    private final MemoryStore store;
    private final TenantScope scope;
    /** Bots whose provider refused tools lately. */
    private final Cache<UUID, Boolean> refusedTools = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(REFUSED_FOR).build();

    MemoryTurn(BotConfigurationCache configurations, MemoryStore store, TenantScope scope) {
        this.configurations = configurations;
        this.store = store;
        this.scope = scope;
    }

    /** A turn's memory: the fields, their current values, and whether the model gets the tool or writes a block. */
    record Prepared(MemoryFields fields, Map<String, Object> values, boolean tools) {

        static final Prepared NONE = new Prepared(MemoryFields.NONE, Map.of(), false);

        boolean active() {
            return !fields.isEmpty();
        }

        List<LlmTool> offered() {
            return active() && tools ? List.of(MemoryPrompt.tool(fields)) : List.of();
        }

        /** The system prompt's memory section, null without fields. */
        @Nullable
        String section() {
            return active() ? MemoryPrompt.section(fields, values, !tools) : null;
        }

        Prepared asBlock() {
            return new Prepared(fields, values, false);
        }
    }

    Prepared prepare(Turn turn) {
        MemoryFields fields = fields(turn);
        if (fields.isEmpty()) {
            return Prepared.NONE;
        }
        Map<String, Object> values = scope.read(turn.tenant(), () -> store.read(turn.tenant().value(),
                turn.bot().id(), fields, turn.contact().id(), turn.conversation().id()));
        boolean tools = fields.updateMode() == MemoryFields.UpdateMode.TOOLS
                && refusedTools.getIfPresent(turn.bot().id()) == null;
        return new Prepared(fields, values, tools);
    }

    /**
     * The memory values for flow conditions and texts ({@code memory.<name>}), read at most once per turn and only
     * when one asks (a bot without memory fields never pays a query).
     */
    java.util.function.Supplier<Map<String, ?>> values(Turn turn) {
        Map<String, ?>[] known = new Map[1];
        return () -> {
            if (known[0] == null) {
                MemoryFields fields = fields(turn);
                known[0] = fields.isEmpty() ? Map.of() : scope.read(turn.tenant(), () -> store.read(
                        turn.tenant().value(), turn.bot().id(), fields, turn.contact().id(),
                        turn.conversation().id()));
            }
            return known[0];
        };
    }

    private MemoryFields fields(Turn turn) {
        return configurations.get(new BotKey(turn.tenant(), turn.bot().id())).map(BotConfiguration::memory)
                .orElse(MemoryFields.NONE);
    }

    /** The bot's provider answered a request with tools with HTTP 400. */
    void refusedTools(UUID botId) {
        refusedTools.put(botId, Boolean.TRUE);
    }
}
