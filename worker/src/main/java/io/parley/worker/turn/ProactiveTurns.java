package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.channel.ChannelRow;
import io.parley.core.config.BotConfiguration;
import io.parley.core.config.BotConfigurationCache;
import io.parley.core.config.BotKey;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.contact.optout.OptOutRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRow;
import io.parley.core.flow.Flow;
import io.parley.core.flow.FlowTurn;
import io.parley.core.flow.condition.ConditionEvaluator;
import io.parley.core.flow.condition.ConditionFacts;
import io.parley.core.flow.condition.TenantTimeZones;
import io.parley.core.message.InboundEvent;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.trigger.TriggerRunRepository;
import io.parley.core.trigger.TriggerRunRow;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A turn with no inbound message: a proactive trigger's run (core/trigger, docs/flows.md "Proactive triggers").
 * The same parts as a conversation turn — flow steps rendered for the contact, {@code ask_llm} answered by the LLM
 * with the persona and the conversation's history, {@link ReplyWriter}'s last transaction — so a proactive message
 * is stored, queued, limited, taken over and sent exactly like a reply, as a push (there is no reply token).
 *
 * <p>Exactly once: the run's id plays the inbound event's part. The reply's first message carries it in
 * {@code reply_to}, unique per tenant (V30), and the run is marked in the same transaction, so a second attempt or a
 * second worker writes nothing; a run that is no longer queued is not run again.
 *
 * <p>Skipped, with the reason recorded on the run: the contact opted out on that channel (contact_opt_outs), is
 * blocked, the bot is paused, a person took the conversation over, the tenant's message quota or LLM budget is spent,
 * the flow is gone or disabled, its condition does not hold for the contact. An {@code ask_llm} whose LLM call fails
 * or is stopped by the bot's budget sends nothing (a proactive "sorry, I can't answer" would answer nobody): failed.
 */
@Singleton
public final class ProactiveTurns {

    /** What a run came to: the run's new status, why, and the first message it queued. */
    public record Outcome(String status, @Nullable String reason, @Nullable UUID messageId) {

        static Outcome skipped(String reason) {
            return new Outcome(TriggerRunRow.SKIPPED, reason, null);
        }
    }

    /** Above every UUID: the history before a proactive message is the conversation's newest messages. */
    private static final UUID NEWEST = new UUID(-1L, -1L);

    private final TenantScope scope;
    private final BotConfigurationCache configurations;
    private final ContactRepository contacts;
    private final ConversationRepository conversations;
    private final OptOutRepository optOuts;
    private final TriggerRunRepository runs;
    private final TurnLimits limits;
    private final ConversationHistory history;
    private final ContactAttributes attributes;
    private final TenantTimeZones zones;
    private final SetupLinks links;
    private final FlowPlanner planner;
    private final CapturePlanner captures;
    private final LlmAnswer llm;
    private final ReplyWriter writer;
    private final ModerationTurn moderation;

    ProactiveTurns(TenantScope scope, BotConfigurationCache configurations, ContactRepository contacts,
                   ConversationRepository conversations, OptOutRepository optOuts, TriggerRunRepository runs,
                   TurnLimits limits, ConversationHistory history, ContactAttributes attributes,
                   TenantTimeZones zones, SetupLinks links, FlowPlanner planner, CapturePlanner captures,
                   LlmAnswer llm, ReplyWriter writer, ModerationTurn moderation) {
        this.moderation = moderation;
        this.scope = scope;
        this.configurations = configurations;
        this.contacts = contacts;
        this.conversations = conversations;
        this.optOuts = optOuts;
        this.runs = runs;
        this.limits = limits;
        this.history = history;
        this.attributes = attributes;
        this.zones = zones;
        this.links = links;
        this.planner = planner;
        this.captures = captures;
        this.llm = llm;
        this.writer = writer;
    }

    /** Runs a queued run and records its outcome; a run that ended already is left as it is. */
    public void run(TenantId tenant, UUID runId) {
        Object admitted = scope.write(tenant, () -> admit(tenant, runId));
        if (admitted instanceof Outcome outcome) {
            finish(tenant, runId, outcome);
        } else if (admitted instanceof Admitted turn) {
            converse(turn.turn(), turn.flow(), runId);
        }
    }

    /** A run that may be sent: its turn and its flow. */
    private record Admitted(Turn turn, Flow flow) {
    }

    /** Admitted, an Outcome when the run stops here, or null when the run is not queued (any more). */
    private Object admit(TenantId tenant, UUID runId) {
        UUID t = tenant.value();
        // Locked: a second attempt of the same run (a lost lease) waits here until this admission committed.
        TriggerRunRow run = runs.lock(t, runId).orElse(null);
        if (run == null || !TriggerRunRow.QUEUED.equals(run.status())) {
            return null;
        }
        BotConfiguration config = configurations.get(new BotKey(tenant, run.botId())).orElse(null);
        Flow flow = config == null ? null : config.flows().flow(run.flowId().toString());
        if (flow == null) {
            return Outcome.skipped("flow_disabled");
        }
        ChannelRow channel = run.channelId() == null ? null : config.channel(run.channelId()).orElse(null);
        if (channel == null || run.externalUserId() == null) {
            return Outcome.skipped("no_channel");
        }
        ContactRow contact = contacts.find(t, run.contactId()).orElse(null);
        if (contact == null || contact.blocked()) {
            return Outcome.skipped("blocked");
        }
        if (optOuts.find(t, channel.id(), run.externalUserId()).isPresent()) {
            return Outcome.skipped("opted_out");
        }
        if ("paused".equals(config.bot().status())) {
            return Outcome.skipped("bot_paused");
        }
        ConversationRow conversation = conversations.upsert(t, Ids.next(), config.bot().id(), channel.id(),
                contact.id());
        if (conversation.botPaused()) {
            return Outcome.skipped("taken_over");
        }
        TurnLimits.Verdict verdict = limits.check(tenant, config.bot(), contact, conversation, Instant.now());
        if (verdict.quota()) {
            return Outcome.skipped("quota");
        }
        // Per-contact hourly/daily limits count the contact's own messages: they do not hold back the bot's.
        TurnLimits.Verdict proactive = new TurnLimits.Verdict(null, verdict.llmBudgetUntil(), false);
        int window = config.bot().historyWindow();
        List<MessageRow> recent = window <= 0 ? List.of() : history.before(t, conversation.id(), NEWEST, window);
        InboundEvent cue = cue(run, channel);
        TurnEventRow stored = new TurnEventRow(t, run.id(), channel.id(), config.bot().id(), "{}", run.createdAt());
        return new Admitted(new Turn(tenant, stored, cue, config.bot(), channel, config.flows(), contact, false,
                conversation, null, proactive, recent), flow);
    }

    private void converse(Turn turn, Flow flow, UUID runId) {
        ContactRow contact = turn.contact();
        Instant now = Instant.now();
        ConditionFacts facts = new ConditionFacts(contact.displayName(), contact.tier(),
                attributes.read(contact.attributes()),
                contact.personaOverride() != null && !contact.personaOverride().isBlank(),
                turn.channel().channelType().wireName(), now, () -> zones.of(turn.tenant()), Map.of())
                .withTags(attributes.readTags(contact.tags()));
        if (!ConditionEvaluator.holds(flow.condition(), facts)) {
            finish(turn.tenant(), runId, Outcome.skipped("condition"));
            return;
        }
        FlowTurn flowTurn = FlowTurn.run(flow, 0, facts, turn.bot().name(), links.url(turn.tenant(), contact.id()),
                turn.flows()::flow);
        FlowPlanner.Plan plan = FlowPlanner.plan(flowTurn, List.of());
        List<OutboundMessage> messages = new ArrayList<>();
        plan.messages().forEach(message -> messages.add(message
                .withTexts(text -> planner.withCheckoutLinks(turn, text)).from(OutboundMessage.FLOW)));
        LlmAnswer.Answer answer = null;
        boolean crisis = false;
        if (plan.then() == FlowTurn.Then.LLM) {
            if (turn.limits().llmBudgetUntil() != null) {
                finish(turn.tenant(), runId, Outcome.skipped("budget"));
                return;
            }
            LlmAnswer.Answer answered = llm.answer(turn, planner.withCheckoutLinks(turn, plan.instruction()),
                    messages.size());
            if (answered.failed()) {
                // Keep the call's usage; send nothing. No usage: the bot's budget stopped the call before it.
                Reply.LlmUsage usage = answered.usage();
                scope.write(turn.tenant(), () -> {
                    if (!stillQueued(turn, runId)) {
                        return 0;
                    }
                    writer.write(turn, new Reply(List.of(), Map.of(), false, usage, false, null));
                    return runs.finish(turn.tenant().value(), runId,
                            usage == null ? TriggerRunRow.SKIPPED : TriggerRunRow.FAILED,
                            usage == null ? "budget" : "llm_failed: " + usage.outcome(), null);
                });
                return;
            }
            answer = answered;
            // output moderation, as for a reply: a flagged answer is replaced before it is sent (docs/llm.md)
            ModerationTurn.Output screened = moderation.output(turn, answer.messages().stream()
                    .map(message -> message.from(OutboundMessage.LLM)).toList());
            messages.addAll(screened.messages());
            crisis = screened.crisis();
        }
        FlowPlanner.Wait wait = flowTurn.waiting() == null ? null : captures.waitAt(flowTurn.waiting(), 0, now);
        Reply reply = new Reply(messages, plan.attributeChanges(), plan.then() == FlowTurn.Then.HANDOFF,
                answer == null ? null : answer.usage(), !messages.isEmpty(), null, wait, Map.of());
        write(turn, runId, reply);
        if (crisis) {
            moderation.handOff(turn);
        }
    }

    /** The reply and the run's outcome, in one transaction (ReplyWriter's joins it). */
    private void write(Turn turn, UUID runId, Reply reply) {
        List<OutboundMessage> messages = reply.messages();
        scope.write(turn.tenant(), () -> {
            if (!stillQueued(turn, runId)) {
                return 0; // another attempt finished it meanwhile
            }
            List<UUID> ids = writer.write(turn, reply); // joins this transaction: the run is marked with it
            UUID first = ids.isEmpty() ? runs.sentMessage(turn.tenant().value(), runId).orElse(null) : ids.getFirst();
            Outcome outcome = first != null ? new Outcome(TriggerRunRow.SENT, null, first)
                    : messages.isEmpty() && !reply.handoff() && reply.attributeChanges().isEmpty()
                    ? Outcome.skipped("nothing_to_send")
                    : messages.isEmpty() ? new Outcome(TriggerRunRow.SENT, null, null) : Outcome.skipped("taken_over");
            return runs.finish(turn.tenant().value(), runId, outcome.status(), outcome.reason(), outcome.messageId());
        });
    }

    /**
     * Locks the run before anything else of the last transaction, as the admission does: both take the run's lock
     * before the conversation's, so two attempts of one run (a lost lease) wait for each other instead of
     * deadlocking (the conversation upsert of one waits on the other's update of the conversation).
     */
    private boolean stillQueued(Turn turn, UUID runId) {
        return runs.lock(turn.tenant().value(), runId).map(run -> TriggerRunRow.QUEUED.equals(run.status()))
                .orElse(false);
    }

    private void finish(TenantId tenant, UUID runId, Outcome outcome) {
        scope.write(tenant, () -> runs.finish(tenant.value(), runId, outcome.status(), outcome.reason(),
                outcome.messageId()));
    }

    /**
     * The user turn the LLM sees in place of a message: what happened, in brackets like "[started following]" for a
     * follow. Only the prompt sees it; nothing is stored as the contact's message.
     */
    private static InboundEvent cue(TriggerRunRow run, ChannelRow channel) {
        String text = switch (run.triggerType()) {
            case "setup_submitted" -> "[I just finished the setup page. You write first.]";
            case "contact_created" -> "[We have not talked yet. You write first.]";
            case "inactive" -> "[I have not written for a while. You write first.]";
            default -> "[A scheduled message. You write first.]";
        };
        return new InboundEvent(channel.id(), "trigger:" + run.id(), InboundEvent.Type.TEXT, run.externalUserId(),
                null, text, null, null, null, null, null, true, run.createdAt(), null);
    }
}
