package io.parley.worker.summary;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.ServerRoles;
import io.parley.core.bot.BotRepository;
import io.parley.core.bot.BotRow;
import io.parley.core.budget.BudgetGate;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.conversation.MessageRow;
import io.parley.core.llmprice.LlmCost;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.summary.ConversationSummaryRepository;
import io.parley.core.summary.SummarySettings;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.usage.LlmUsageRepository;
import io.parley.core.usage.UsageMeter;
import io.parley.worker.llm.LlmCall;
import io.parley.worker.llm.LlmEndpoint;
import io.parley.worker.llm.LlmEndpoints;
import io.parley.worker.llm.LlmFailure;
import io.parley.worker.llm.LlmMessage;
import io.parley.worker.llm.LlmOutcome;
import io.parley.worker.llm.LlmPrices;
import io.parley.worker.llm.LlmReply;
import io.parley.worker.llm.LlmSettings;
import io.parley.worker.llm.ResilientLlm;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The summary job ({@value SummaryJobs#KIND}, docs/llm.md "Long memory"): asks the bot's summary model to fold the
 * messages that fell out of the history window into the conversation's summary, and stores it with the newest
 * message it covers. Idempotent: what is covered already is never summarized again, and the store never moves the
 * summary backwards. Each call is recorded in {@code llm_usage} with purpose {@code summary}, priced like a reply's
 * and admitted by the bot's budgets (at a hard cap no summary is written; a later job tries again).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class SummaryHandler implements JobHandler {

    /** Above every UUID: the window is the conversation's newest messages. */
    private static final UUID NEWEST = new UUID(-1L, -1L);
    /** Messages folded into the summary per call; a longer gap takes several calls, oldest first. */
    static final int CHUNK = 100;
    private static final int MAX_CALLS = 10;
    private static final int MAX_TOKENS = 800;
    private static final int MAX_SUMMARY = 8000;
    private static final Logger LOG = LoggerFactory.getLogger(SummaryHandler.class);

    private final TenantScope scope;
    private final BotRepository bots;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationSummaryRepository summaries;
    private final LlmUsageRepository llmUsage;
    private final UsageMeter usage;
    private final LlmEndpoints endpoints;
    private final ResilientLlm llm;
    private final LlmPrices prices;
    private final LlmSettings settings;
    private final BudgetGate budgets;
    private final JsonMapper json;

    SummaryHandler(TenantScope scope, BotRepository bots, ConversationRepository conversations,
                   MessageRepository messages, ConversationSummaryRepository summaries, LlmUsageRepository llmUsage,
                   UsageMeter usage, LlmEndpoints endpoints, ResilientLlm llm, LlmPrices prices, LlmSettings settings,
                   BudgetGate budgets, JsonMapper json) {
        this.scope = scope;
        this.bots = bots;
        this.conversations = conversations;
        this.messages = messages;
        this.summaries = summaries;
        this.llmUsage = llmUsage;
        this.usage = usage;
        this.endpoints = endpoints;
        this.llm = llm;
        this.prices = prices;
        this.settings = settings;
        this.budgets = budgets;
        this.json = json;
    }

    @Override
    public String kind() {
        return SummaryJobs.KIND;
    }

    /** What one call summarizes: the bot, the conversation, the summary so far and the messages to fold in. */
    private record Work(BotRow bot, ConversationRow conversation, SummarySettings settings, String previous,
                        List<MessageRow> fallen) {
    }

    @Serdeable
    record Args(UUID conversationId, UUID botId) {
    }

    @Override
    public void run(Job job) throws Exception {
        Args args = job.args(json, Args.class, a -> a.conversationId() != null && a.botId() != null,
                "conversation.summary args name no conversation and bot");
        UUID conversationId = args.conversationId();
        UUID botId = args.botId();
        for (int call = 0; call < MAX_CALLS; call++) {
            Optional<Work> work = scope.read(job.tenant(), () -> next(job.tenant(), botId, conversationId));
            if (work.isEmpty() || !summarize(job.tenant(), work.get())) {
                return;
            }
        }
    }

    /** The next messages to fold in; empty when there are none (or the conversation, bot or setting is gone). */
    private Optional<Work> next(TenantId tenant, UUID botId, UUID conversationId) {
        UUID t = tenant.value();
        BotRow bot = bots.find(t, botId).orElse(null);
        ConversationRow conversation = conversations.find(t, conversationId).orElse(null);
        if (bot == null || conversation == null || bot.historyWindow() <= 0) {
            return Optional.empty(); // erased with its contact, or the bot deleted meanwhile
        }
        SummarySettings summarySettings = SummarySettings.read(json, bot.memorySettings());
        if (!summarySettings.summary()) {
            return Optional.empty();
        }
        List<MessageRow> window = messages.latest(t, conversationId, NEWEST, bot.historyWindow());
        if (window.size() < bot.historyWindow()) {
            return Optional.empty();
        }
        UUID oldestInWindow = window.getLast().id();
        var stored = summaries.find(t, conversationId);
        UUID after = stored.map(ConversationSummaryRepository.SummaryRow::upToMessageId).orElse(null);
        List<MessageRow> fallen = messages.pageForward(t, conversationId, after == null ? new UUID(0, 0) : after, CHUNK)
                .stream().filter(row -> row.id().compareTo(oldestInWindow) < 0).toList();
        if (fallen.isEmpty()) {
            return Optional.empty();
        }
        String previous = stored.map(ConversationSummaryRepository.SummaryRow::summary).orElse("");
        return Optional.of(new Work(bot, conversation, summarySettings, previous, fallen));
    }

    /** One call; true when the summary moved on (there may be more to fold in). */
    private boolean summarize(TenantId tenant, Work work) {
        BotRow bot = work.bot();
        LlmEndpoint endpoint = endpoint(bot, work.settings());
        List<MessageRow> said = work.fallen().stream().filter(row -> !"system".equals(row.sender())).toList();
        UUID upTo = work.fallen().getLast().id();
        if (said.isEmpty()) { // only system notices fell out: nothing to tell the model, the summary moves on
            scope.writeVoid(tenant, () -> summaries.advance(tenant.value(), work.conversation().id(), work.previous(),
                    upTo, endpoint.model()));
            return true;
        }
        List<LlmMessage> prompt = SummaryPrompt.build(json, bot.name(), work.previous(), said);
        Instant start = Instant.now();
        BudgetGate.Admission admission = budgets.admit(tenant, bot.id(), bot.name(),
                prices.cost(tenant, endpoint.model(), promptBytes(prompt), MAX_TOKENS).micros(), start);
        long cost = 0;
        try {
            if (admission.cap() != null) {
                LOG.info("Bot {} is at its LLM budget's hard cap: conversation {} is not summarized now", bot.id(),
                        work.conversation().id());
                return false;
            }
            LlmReply reply;
            try {
                reply = llm.chat(prompt, new LlmCall(endpoint, 0.2, MAX_TOKENS, start.plus(settings.timeout()),
                        bot.name()));
            } catch (LlmFailure failure) {
                scope.writeVoid(tenant, () -> record(tenant, work, endpoint, 0, 0, start, failure.outcome(),
                        LlmCost.FREE));
                throw failure; // retried with backoff (3 attempts); the next turn's job tries again too
            }
            LlmCost priced = prices.cost(tenant, endpoint.model(), reply.promptTokens(), reply.completionTokens());
            cost = priced.micros();
            String text = reply.text().strip();
            String summary = text.length() > MAX_SUMMARY ? text.substring(0, MAX_SUMMARY) : text;
            scope.writeVoid(tenant, () -> {
                record(tenant, work, endpoint, reply.promptTokens(), reply.completionTokens(), start, LlmOutcome.OK,
                        priced);
                if (!summary.isEmpty()) {
                    summaries.advance(tenant.value(), work.conversation().id(), summary, upTo, endpoint.model());
                }
            });
            usage.add(tenant, Instant.now(), 0, cost);
            return !summary.isEmpty();
        } finally {
            budgets.settle(tenant, bot.id(), bot.name(), admission, cost, Instant.now());
        }
    }

    /** The bot's endpoint (its provider and key), with the summary model when one is set. */
    private LlmEndpoint endpoint(BotRow bot, SummarySettings summary) {
        LlmEndpoint endpoint = endpoints.forBot(bot);
        return summary.summaryModel() == null || endpoint.isDemo() ? endpoint
                : endpoint.withModel(summary.summaryModel());
    }

    /** Inside the tenant's write scope. */
    private void record(TenantId tenant, Work work, LlmEndpoint endpoint, int promptTokens, int completionTokens,
                        Instant start, LlmOutcome outcome, LlmCost cost) {
        int latency = (int) Math.min(Integer.MAX_VALUE, Duration.between(start, Instant.now()).toMillis());
        ConversationRow conversation = work.conversation();
        llmUsage.recordFor("summary", tenant.value(), Ids.next(), work.bot().id(), conversation.channelId(),
                conversation.contactId(), conversation.id(), endpoint.provider(), endpoint.model(), promptTokens,
                completionTokens, latency, outcome.wireName(), cost.micros(), cost.unpriced());
    }

    /** An upper bound of the prompt's tokens, as a turn estimates it (LlmAnswer): its bytes plus framing. */
    private static int promptBytes(List<LlmMessage> prompt) {
        long bytes = 8;
        for (LlmMessage message : prompt) {
            bytes += message.content().getBytes(StandardCharsets.UTF_8).length + 8;
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
