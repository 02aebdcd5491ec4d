package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.trace.Span;
import io.parley.core.bot.BotRow;
import io.parley.core.budget.BudgetGate;
import io.parley.core.budget.LlmBudget;
import io.parley.core.channel.ChannelType;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.llmprice.LlmCost;
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
import io.parley.worker.knowledge.KnowledgePrompt;
import io.parley.worker.observability.LlmTelemetry;
import io.parley.worker.summary.ConversationSummaries;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The LLM's part of a turn, outside any transaction (a slow provider must not hold a database connection): reads
 * the prompt from the history the intake read, asks within the turn's deadline, converts and splits the answer — or, on any failure, answers with
 * the bot's fallback message (a mental-health bot must always answer, with its crisis text) or a generic one.
 */
@Singleton
final class LlmAnswer {

    static final String GENERIC_FALLBACK = "Sorry, I can't answer right now. Please try again in a moment.";
    /** What a contact gets when a budget's hard cap stops the LLM and the budget has no message of its own. */
    static final String DEFAULT_CAP_MESSAGE = "Sorry, I can't answer more questions right now. A person from our "
            + "team will get back to you, or please try again later.";
    private static final Logger LOG = LoggerFactory.getLogger(LlmAnswer.class);

    private final ContactAttributes attributes;
    private final LlmEndpoints endpoints;
    private final ResilientLlm llm;
    private final LlmPrices prices;
    private final LlmSettings settings;
    private final BudgetGate budgets;
    private final LlmTelemetry metrics;
    private final MemoryTurn memory;
    private final MemoryReplies memoryReplies;
    private final PersonaOverrides overrides;
    private final LlmKeyAlerts keyAlerts;
    private final KnowledgePrompt knowledge;
    private final ConversationSummaries summaries;
    private final ReplyStreaming streaming;

    LlmAnswer(ContactAttributes attributes, LlmEndpoints endpoints, ResilientLlm llm, LlmPrices prices,
              LlmSettings settings, BudgetGate budgets, LlmTelemetry metrics, MemoryTurn memory,
              MemoryReplies memoryReplies, PersonaOverrides overrides, LlmKeyAlerts keyAlerts,
              KnowledgePrompt knowledge, ConversationSummaries summaries, ReplyStreaming streaming) {
        this.streaming = streaming;
        this.knowledge = knowledge;
        this.summaries = summaries;
        this.memory = memory;
        this.memoryReplies = memoryReplies;
        this.overrides = overrides;
        this.keyAlerts = keyAlerts;
        this.budgets = budgets;
        this.metrics = metrics;
        this.attributes = attributes;
        this.endpoints = endpoints;
        this.llm = llm;
        this.prices = prices;
        this.settings = settings;
    }

    /** The answer's messages, the call's usage and the memory values the model proposed (null: none). */
    record Answer(List<OutboundMessage> messages, @Nullable Reply.LlmUsage usage, @Nullable MemoryProposal memory) {

        Answer(List<OutboundMessage> messages, @Nullable Reply.LlmUsage usage) {
            this(messages, usage, null);
        }

        /** The LLM gave no answer (it failed, or a budget's hard cap stopped it): these are the fallback. */
        boolean failed() {
            return usage == null || !LlmOutcome.OK.wireName().equals(usage.outcome());
        }
    }

    /** @param messagesBefore messages the turn already sends before the answer (flow steps) */
    Answer answer(Turn turn, @Nullable String instruction, int messagesBefore) {
        BotRow bot = turn.bot();
        Span span = metrics.start(turn.tenant().value(), bot.id(), turn.conversation().id());
        MemoryTurn.Prepared remembered = memory.prepare(turn);
        String summary = summaries.forPrompt(turn.tenant(), bot, turn.conversation().id());
        List<LlmMessage> prompt = prompt(turn, instruction, remembered, summary);
        Instant start = Instant.now();
        LlmEndpoint endpoint = null;
        BudgetGate.Admission admission = null;
        Reply.LlmUsage usage = null;
        try {
            endpoint = endpoints.forBot(bot);
            int ceilingTokens = budgets.completionCeiling(bot.llmMaxTokens());
            admission = budgets.admit(turn.tenant(), bot.id(), bot.name(),
                    prices.cost(turn.tenant(), endpoint.model(), promptBytes(prompt), ceilingTokens).micros(), start);
            if (admission.cap() != null) {
                BudgetGate.Cap cap = admission.cap();
                LOG.info("Bot {} is at its {} LLM budget's hard cap; it answers by {}", bot.id(),
                        cap.period().wireName(), cap.atCap().wireName());
                if (cap.atCap() != LlmBudget.AtCap.CHEAPER_MODEL) {
                    return new Answer(List.of(OutboundMessage.text(capText(bot, cap))), null);
                }
                endpoint = endpoint.withModel(cap.budget().capModel());
            }
            LlmCall call = new LlmCall(endpoint, temperature(bot),
                    admission.ceilingApplies() ? Integer.valueOf(ceilingTokens) : bot.llmMaxTokens(),
                    deadline(turn, start), bot.name(), remembered.offered());
            LlmReply reply;
            LiveReply live = streaming.open(turn, remembered); // web chat: the answer shown as it is written
            try {
                reply = llm.chat(prompt, call, live);
            } catch (LlmFailure refused) {
                if (call.tools().isEmpty() || !refused.badRequest()) {
                    throw refused;
                }
                // A provider without tools answers 400: ask again with the memory block instead (and remember).
                LOG.info("Bot {}: the LLM refused the request with tools ({}); memory uses the JSON block",
                        bot.id(), refused.getMessage());
                memory.refusedTools(bot.id());
                remembered = remembered.asBlock();
                prompt = prompt(turn, instruction, remembered, summary);
                reply = llm.chat(prompt, call.withoutTools());
                live = null; // the block is cut out of the text: not streamed
            }
            if (live != null) {
                live.finish();
            }
            MemoryProposal proposal = null;
            String said = reply.text();
            if (remembered.active()) {
                MemoryReplies.Read read = memoryReplies.read(bot.id(), remembered.fields(), said, reply.toolCalls());
                said = read.text();
                proposal = read.proposals().isEmpty() ? null
                        : new MemoryProposal(remembered.fields(), read.proposals());
                if (said.isBlank()) {
                    throw new LlmFailure(LlmOutcome.ERROR, "empty answer besides its memory block", false, false,
                            null);
                }
            }
            String text = OutputConversion.apply(bot.outputConversion(), said);
            ChannelLimits limits = ChannelLimits.of(turn.channel().channelType());
            List<OutboundMessage> parts = new ArrayList<>();
            ReplySplitter.split(text, limits, limits.maxMessages() - messagesBefore)
                    .forEach(part -> parts.add(OutboundMessage.text(part)));
            usage = usage(turn, span, endpoint, reply.promptTokens(), reply.completionTokens(), start, LlmOutcome.OK);
            return new Answer(parts, usage, proposal);
        } catch (LlmFailure failure) {
            LOG.warn("LLM call for bot {} ended {} ({}); sending the fallback message", bot.id(),
                    failure.outcome().wireName(), failure.getMessage());
            keyAlerts.failed(turn.tenant(), bot, failure);
            String fallback = bot.fallbackMessage() == null || bot.fallbackMessage().isBlank() ? GENERIC_FALLBACK
                    : bot.fallbackMessage();
            LlmEndpoint used = endpoint != null ? endpoint
                    : new LlmEndpoint(bot.llmProvider(), "unknown:", null, bot.llmModel() == null ? "unknown" : bot.llmModel());
            usage = usage(turn, span, used, 0, 0, start, failure.outcome());
            return new Answer(List.of(OutboundMessage.text(fallback)), usage);
        } finally {
            if (usage == null) {
                span.end(); // no call was made (at a hard cap) or it threw: metrics.call did not end it
            }
            if (admission != null) {
                budgets.settle(turn.tenant(), bot.id(), bot.name(), admission, usage == null ? 0 : usage.costMicros(),
                        Instant.now());
            }
        }
    }

    /** At a hard cap: the budget's message (or a default), or with flows only the bot's fallback message. */
    private static String capText(BotRow bot, BudgetGate.Cap cap) {
        if (cap.atCap() == LlmBudget.AtCap.FLOWS_ONLY) {
            return bot.fallbackMessage() == null || bot.fallbackMessage().isBlank() ? GENERIC_FALLBACK
                    : bot.fallbackMessage();
        }
        String message = cap.budget().capMessage();
        return message == null || message.isBlank() ? DEFAULT_CAP_MESSAGE : message;
    }

    /**
     * An upper bound of the prompt's tokens: a token is at least one byte of UTF-8 for the byte-level BPE
     * tokenizers of OpenAI-compatible models, plus a few tokens of framing per message.
     */
    static int promptBytes(List<LlmMessage> prompt) {
        long bytes = 0;
        for (LlmMessage message : prompt) {
            bytes += message.content().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 8;
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes + 8);
    }

    /**
     * The call's deadline: the bot's timeout (or the platform's), shortened to what remains of LINE's reply-token
     * window so the answer can still go out as a (free) reply. When less than {@code minimum-timeout} remains, the
     * window is given up on (the sender pushes) and the full timeout applies.
     */
    Instant deadline(Turn turn, Instant now) {
        Duration budget = turn.bot().llmTimeoutMs() == null ? settings.timeout()
                : Duration.ofMillis(turn.bot().llmTimeoutMs());
        if (turn.channel().channelType() == ChannelType.LINE && turn.replyToken() != null) {
            Duration left = Duration.between(now, turn.replyTokenReceivedAt().plus(settings.lineReplyWindow()));
            if (left.compareTo(settings.minimumTimeout()) >= 0 && left.compareTo(budget) < 0) {
                budget = left;
            }
        }
        return now.plus(budget);
    }

    /** The prompt, with the knowledge base's excerpts for the new message(s) when the bot uses one and the
     *  conversation's summary when it has one. */
    private List<LlmMessage> prompt(Turn turn, @Nullable String instruction, MemoryTurn.Prepared remembered,
                                    @Nullable String summary) {
        List<String> userTexts = turn.events().stream().map(PromptBuilder::userText).toList();
        return knowledge.addTo(turn.tenant(), turn.bot().id(), userTexts, SummaryBlock.add(PromptBuilder.build(
                turn.bot(), overrides.forPrompt(turn), attributes.read(turn.contact().attributes()), remembered.values(),
                remembered.section(), instruction, turn.history(), userTexts), summary));
    }

    private Reply.LlmUsage usage(Turn turn, Span span, LlmEndpoint endpoint, int promptTokens, int completionTokens,
                                 Instant start, LlmOutcome outcome) {
        Duration took = Duration.between(start, Instant.now());
        metrics.call(span, endpoint, outcome, took, promptTokens, completionTokens);
        int latency = (int) Math.min(Integer.MAX_VALUE, took.toMillis());
        LlmCost cost = prices.cost(turn.tenant(), endpoint.model(), promptTokens, completionTokens);
        return new Reply.LlmUsage(endpoint.provider(), endpoint.model(), promptTokens, completionTokens, latency,
                outcome.wireName(), cost.micros(), cost.unpriced());
    }

    private static Double temperature(BotRow bot) {
        BigDecimal value = bot.llmTemperature();
        return value == null ? null : value.doubleValue();
    }
}
