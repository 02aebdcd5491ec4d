package io.parley.worker.turn;

import io.micronaut.json.JsonMapper;
import io.parley.worker.outbound.OutboundSendArgs;
import io.micronaut.json.tree.JsonNode;
import io.parley.core.analytics.HandoffRepository;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.contact.InvalidAttributesException;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.events.TenantEvents;
import io.parley.core.memory.MemoryChange;
import io.parley.core.memory.MemoryStore;
import io.micronaut.core.annotation.Nullable;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.usage.AnsweredTurnRepository;
import io.parley.core.usage.LlmUsageRepository;
import io.parley.core.usage.UsageMeter;
import io.parley.worker.summary.SummaryJobs;
import io.parley.worker.observability.TurnMetrics;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The turn's last transaction, with the conversation row locked: the reply's outbound messages (queued, sender bot),
 * sent by the turn itself once this committed ({@link #writeForInlineSend}: one job per turn) or else by one
 * {@code outbound.send} job that delivers them in order (serial on the conversation's send key, so a reply never
 * waits behind the conversation's later turns, and waits behind the conversation's earlier sends), flow side effects (attributes, handoff), the limit-notice
 * window, the LLM's memory updates (core memory), LLM usage and the answered turn's ledger row (answered_turns); the monthly counters are counted once it committed ({@link UsageMeter}).
 *
 * <p>Checked again under the lock: a turn that already answered (a second run after a lost lease) writes nothing
 * but its LLM usage, and a conversation a person took over while the LLM was thinking gets no bot reply.
 */
@Singleton
final class ReplyWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyWriter.class);

    private final TenantScope scope;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ContactRepository contacts;
    private final ContactAttributes attributes;
    private final TurnRepository turns;
    private final UsageMeter usage;
    private final LlmUsageRepository llmUsage;
    private final AnsweredTurnRepository answeredTurns;
    private final JobQueue queue;
    private final TenantEvents events;
    private final JsonMapper json;
    private final WaitingMessages waiting;
    private final HandoffNotice handoffs;
    private final FlowStateWriter flowState;
    private final HandoffRepository handoffLog;
    private final TurnMetrics metrics;
    private final MemoryStore memory;
    private final SummaryJobs summaryJobs;

    ReplyWriter(TenantScope scope, ConversationRepository conversations, MessageRepository messages,
                ContactRepository contacts, ContactAttributes attributes, TurnRepository turns, UsageMeter usage,
                LlmUsageRepository llmUsage, JobQueue queue, TenantEvents events, JsonMapper json,
                WaitingMessages waiting, HandoffNotice handoffs, FlowStateWriter flowState,
                AnsweredTurnRepository answeredTurns, HandoffRepository handoffLog, TurnMetrics metrics,
                MemoryStore memory, SummaryJobs summaryJobs) {
        this.summaryJobs = summaryJobs;
        this.memory = memory;
        this.metrics = metrics;
        this.flowState = flowState;
        this.waiting = waiting;
        this.handoffs = handoffs;
        this.answeredTurns = answeredTurns;
        this.handoffLog = handoffLog;
        this.scope = scope;
        this.conversations = conversations;
        this.messages = messages;
        this.contacts = contacts;
        this.attributes = attributes;
        this.turns = turns;
        this.usage = usage;
        this.llmUsage = llmUsage;
        this.queue = queue;
        this.events = events;
        this.json = json;
    }

    /** What the transaction did: the messages it queued and what it adds to the month's usage. */
    private record Written(List<UUID> ids, int answered, long costMicros, @Nullable OutboundSendArgs inline) {
    }

    /**
     * The reply of a turn that sends it itself once this committed ({@link io.parley.worker.outbound.InlineSend}):
     * {@code inline} is what to send, or null when there is nothing to send or an {@code outbound.send} job was
     * enqueued instead (an earlier send of the conversation still waits: the reply keeps its place behind it).
     */
    record Replied(List<UUID> ids, @Nullable OutboundSendArgs inline) {
    }

    /** The ids of the messages queued (empty when nothing was sent), with an {@code outbound.send} job for them. */
    List<UUID> write(Turn turn, Reply reply) {
        return write(turn, reply, false).ids();
    }

    /** Like {@link #write(Turn, Reply)}, but the caller sends the reply after the commit when it can. */
    Replied writeForInlineSend(Turn turn, Reply reply) {
        return write(turn, reply, true);
    }

    private Replied write(Turn turn, Reply reply, boolean inline) {
        metrics.replied(turn.channel().channelType(), answeredBy(reply), reply.handoff());
        UUID t = turn.tenant().value();
        // replayable: lost in a database crash, the turn runs again (its send job, if any, is lost with it; TenantScope)
        Written written = scope.writeReplayable(turn.tenant(), () -> {
            long cost = recordLlm(turn, reply);
            ConversationRow conversation = conversations.lock(t, turn.conversation().id()).orElse(null);
            if (conversation == null || conversation.botPaused()) {
                return new Written(List.of(), 0, cost, null);
            }
            Queued queued = queueMessages(turn, conversation, reply.messages(), inline);
            if (queued == null) {
                return new Written(List.of(), 0, cost, null); // answered before (a re-run after a lost lease)
            }
            List<UUID> ids = queued.ids();
            applyAttributes(turn, reply.attributeChanges());
            flowState.apply(turn, reply.flowWait(), reply.variableChanges());
            applyMemory(turn, reply.memory());
            summaryJobs.afterReply(turn.tenant(), turn.bot(), conversation.id(), turn.history()); // long memory
            if (reply.handoff()) {
                conversations.setBotPaused(t, conversation.id(), true, null);
                conversations.recordHandoff(t, conversation.id(), // needs a person (inbox)
                        reply.handoffSource() == null ? "flow" : reply.handoffSource(), true);
                handoffLog.insert(t, Ids.next(), conversation.id(), HandoffRepository.FLOW); // analytics
                events.publish(turn.tenant(), "conversation.handoff", Map.of(
                        "conversationId", conversation.id().toString(), "contactId", turn.contact().id().toString()));
                handoffs.raise(turn, conversation.id());
            }
            if (reply.noticeUntil() != null) {
                conversations.setLimitNoticeUntil(t, conversation.id(), reply.noticeUntil());
            }
            if (reply.counts()) {
                answeredTurns.insert(t, turn.eventId(), turn.bot().id(), turn.channel().id(), conversation.id());
            }
            return new Written(ids, reply.counts() ? 1 : 0, cost, queued.inline());
        });
        // Counted once committed, in memory: a per-tenant counter row updated here made the tenant's turns wait on
        // each other's commits (UsageMeter).
        usage.add(turn.tenant(), Instant.now(), written.answered(), written.costMicros());
        return new Replied(written.ids(), written.inline());
    }

    /** The messages queued; {@code inline}: their send, when the caller sends it (no job was enqueued). */
    private record Queued(List<UUID> ids, @Nullable OutboundSendArgs inline) {
    }

    /**
     * Inserts the reply's messages and enqueues their send; null when the event already has its reply. The first
     * message carries {@code reply_to}, unique per event (V30), so the insert itself is the "answered?" check.
     */
    private Queued queueMessages(Turn turn, ConversationRow conversation, List<OutboundMessage> planned,
                                 boolean inline) {
        // a carousel is one message where the channel shows carousels, else one card message per card
        List<OutboundMessage> outbound = planned.stream()
                .flatMap(message -> message.on(turn.channel().channelType()).stream()).toList();
        if (outbound.isEmpty()) {
            return turns.answered(turn.tenant().value(), turn.eventId()) ? null : new Queued(List.of(), null);
        }
        UUID t = turn.tenant().value();
        List<UUID> ids = new ArrayList<>();
        for (OutboundMessage message : outbound) {
            UUID id = Ids.next();
            Map<String, Object> payload = new LinkedHashMap<>(message.payload());
            payload.put("replyTo", turn.eventId().toString());
            if (ids.isEmpty()) {
                if (messages.insertReply(t, id, conversation.id(), message.type(), message.text(), write(payload),
                        turn.eventId()) == 0) {
                    return null;
                }
            } else {
                messages.insert(t, id, conversation.id(), "outbound", "bot", null, message.type(), message.text(),
                        write(payload), null, "queued");
            }
            ids.add(id);
        }
        conversations.recordOutbound(t, conversation.id());
        waiting.markAnswered(turn); // the messages answered together with this one (a coalesced turn)
        OutboundSendArgs send = new OutboundSendArgs(conversation.id(), ids, turn.replyToken(),
                turn.replyTokenReceivedAt());
        // Sent by the turn itself after the commit unless an earlier send of the conversation still waits (an agent's
        // message, a retry): checked under the conversation's lock, which those take too when they enqueue.
        boolean sendsInline = inline && !turns.sendsWaiting(turn.event().sendKey());
        if (!sendsInline) {
            queue.enqueue(turn.tenant(), send.job(turn.event().sendKey(), json));
        }
        events.publish(turn.tenant(), "message.queued", Map.of("conversationId", conversation.id().toString(),
                "messageIds", ids.stream().map(UUID::toString).toList()));
        return new Queued(ids, sendsInline ? send : null);
    }

    private long recordLlm(Turn turn, Reply reply) {
        Reply.LlmUsage llm = reply.llm();
        if (llm == null) {
            return 0;
        }
        llmUsage.record(turn.tenant().value(), Ids.next(), turn.bot().id(), turn.channel().id(), turn.contact().id(),
                turn.conversation().id(), llm.provider(), llm.model(), llm.promptTokens(), llm.completionTokens(),
                llm.latencyMs(), llm.outcome(), llm.costMicros(), llm.unpriced());
        return llm.costMicros();
    }

    private void applyAttributes(Turn turn, Map<String, String> changes) {
        if (changes.isEmpty()) {
            return;
        }
        UUID t = turn.tenant().value();
        ContactRow contact = contacts.findForUpdate(t, turn.contact().id()).orElse(null);
        if (contact == null) {
            return;
        }
        Map<String, JsonNode> patch = new LinkedHashMap<>();
        changes.forEach((key, value) -> patch.put(key, JsonNode.createStringNode(value)));
        try {
            String merged = attributes.merge(contact.attributes(), JsonNode.createObjectNode(patch));
            contacts.update(t, contact.id(), contact.displayName(), merged, contact.tier(), contact.blocked(),
                    contact.personaOverride());
        } catch (InvalidAttributesException e) {
            // The flow API validates steps; a stored flow that breaks today's limits must not stop the reply.
            LOG.warn("Flow attribute change for contact {} skipped: {}", contact.id(), e.getMessage());
        }
    }

    /**
     * The LLM's memory proposals, bounded against the values as they are now (rows locked), with history rows marked
     * with the turn: a turn that runs again (it would not get here: its reply exists) could not apply them twice.
     */
    private void applyMemory(Turn turn, @Nullable MemoryProposal proposal) {
        if (proposal == null) {
            return;
        }
        List<MemoryChange> changes = memory.propose(turn.tenant().value(), turn.bot().id(), proposal.fields(),
                turn.contact().id(), turn.conversation().id(), proposal.values(), MemoryChange.Source.LLM,
                turn.eventId());
        if (!changes.isEmpty()) {
            events.publish(turn.tenant(), "contact.memory_changed", Map.of("contactId",
                    turn.contact().id().toString(), "botId", turn.bot().id().toString(),
                    "fields", changes.stream().map(MemoryChange::field).toList()));
        }
    }

    /** For {@link TurnMetrics}: what answered this turn. */
    private static String answeredBy(Reply reply) {
        if (reply.noticeUntil() != null) {
            return "limit";
        }
        if (reply.llm() != null) {
            return "ok".equals(reply.llm().outcome()) ? "llm" : "fallback";
        }
        return reply.messages().isEmpty() ? "none" : "flow";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
