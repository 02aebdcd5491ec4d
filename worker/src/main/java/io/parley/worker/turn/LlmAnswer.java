package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.trace.Span;
import io.parley.core.bot.BotRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.contact.ContactAttributes;
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
import io.parley.worker.observability.LlmTelemetry;
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
    private static final Logger LOG = LoggerFactory.getLogger(LlmAnswer.class);

    private final ContactAttributes attributes;
    private final LlmEndpoints endpoints;
    private final ResilientLlm llm;
    private final LlmPrices prices;
    private final LlmSettings settings;
    private final LlmTelemetry metrics;

    LlmAnswer(ContactAttributes attributes, LlmEndpoints endpoints, ResilientLlm llm, LlmPrices prices,
              LlmSettings settings, LlmTelemetry metrics) {
        this.metrics = metrics;
        this.attributes = attributes;
        this.endpoints = endpoints;
        this.llm = llm;
        this.prices = prices;
        this.settings = settings;
    }

    /** The answer's messages and the call's usage. */
    record Answer(List<OutboundMessage> messages, Reply.LlmUsage usage) {

        /** The LLM gave no answer: these are the fallback message. */
        boolean failed() {
            return !LlmOutcome.OK.wireName().equals(usage.outcome());
        }
    }

    /** @param messagesBefore messages the turn already sends before the answer (flow steps) */
    Answer answer(Turn turn, @Nullable String instruction, int messagesBefore) {
        BotRow bot = turn.bot();
        Span span = metrics.start(turn.tenant().value(), bot.id(), turn.conversation().id());
        List<LlmMessage> prompt = prompt(turn, instruction);
        Instant start = Instant.now();
        LlmEndpoint endpoint = null;
        try {
            endpoint = endpoints.forBot(bot);
            LlmCall call = new LlmCall(endpoint, temperature(bot), bot.llmMaxTokens(), deadline(turn, start),
                    bot.name());
            LlmReply reply = llm.chat(prompt, call);
            String text = OutputConversion.apply(bot.outputConversion(), reply.text());
            ChannelLimits limits = ChannelLimits.of(turn.channel().channelType());
            List<OutboundMessage> parts = new ArrayList<>();
            ReplySplitter.split(text, limits, limits.maxMessages() - messagesBefore)
                    .forEach(part -> parts.add(OutboundMessage.text(part)));
            return new Answer(parts, usage(span, endpoint, reply.promptTokens(), reply.completionTokens(), start,
                    LlmOutcome.OK));
        } catch (LlmFailure failure) {
            LOG.warn("LLM call for bot {} ended {} ({}); sending the fallback message", bot.id(),
                    failure.outcome().wireName(), failure.getMessage());
            String fallback = bot.fallbackMessage() == null || bot.fallbackMessage().isBlank() ? GENERIC_FALLBACK
                    : bot.fallbackMessage();
            LlmEndpoint used = endpoint != null ? endpoint
                    : new LlmEndpoint(bot.llmProvider(), "unknown:", null, bot.llmModel() == null ? "unknown" : bot.llmModel());
            return new Answer(List.of(OutboundMessage.text(fallback)), usage(span, used, 0, 0, start, failure.outcome()));
        }
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

    private List<LlmMessage> prompt(Turn turn, @Nullable String instruction) {
        return PromptBuilder.build(turn.bot(), turn.contact(), attributes.read(turn.contact().attributes()),
                instruction, turn.history(), turn.events().stream().map(PromptBuilder::userText).toList());
    }

    private Reply.LlmUsage usage(Span span, LlmEndpoint endpoint, int promptTokens, int completionTokens,
                                 Instant start, LlmOutcome outcome) {
        Duration took = Duration.between(start, Instant.now());
        metrics.call(span, endpoint, outcome, took, promptTokens, completionTokens);
        int latency = (int) Math.min(Integer.MAX_VALUE, took.toMillis());
        return new Reply.LlmUsage(endpoint.provider(), endpoint.model(), promptTokens, completionTokens, latency,
                outcome.wireName(), prices.costMicros(endpoint.model(), promptTokens, completionTokens));
    }

    private static Double temperature(BotRow bot) {
        BigDecimal value = bot.llmTemperature();
        return value == null ? null : value.doubleValue();
    }
}
