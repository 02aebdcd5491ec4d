package io.parley.worker.turn;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.ServerRoles;
import io.parley.core.admin.TenantSuspensions;
import io.parley.core.analytics.AnalyticsTrigger;
import io.parley.core.channel.ChannelRow;
import io.parley.core.config.BotConfiguration;
import io.parley.core.config.BotConfigurationCache;
import io.parley.core.config.BotKey;
import io.parley.core.contact.ContactRepository;
import io.parley.core.flow.FlowTurn;
import io.parley.core.channel.ChannelType;
import io.parley.core.message.EventAttributes;
import io.parley.worker.outbound.InlineSend;
import io.parley.worker.outbound.line.LineProfiles;
import io.parley.core.message.InboundEvent;
import io.parley.core.message.JobKinds;
import io.parley.core.observability.LogContext;
import io.parley.core.privacy.ContactErasure;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.queue.JobRetryAfter;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the {@code inbound.turn} job {@code {"eventId"}} (see ARCHITECTURE.md, "The conversation pipeline"): a
 * delivery status moves a message forward; follow/unfollow mark the contact (a follow is welcomed); a message is
 * stored, then — unless the contact is blocked, the bot paused or a person has taken over — checked against the
 * limits, answered by a flow or the LLM, and its reply sent by this job once it committed (InlineSend), or queued
 * for an {@code outbound.send} job when it cannot be sent now.
 *
 * <p>Short transactions only: the intake, then the LLM call with no transaction or connection held, then the reply
 * (see {@link MessageIntake}, {@link LlmAnswer}, {@link ReplyWriter}). Idempotent: the inbound message's id is the
 * event's, and replies are marked with it, so a re-run stores and sends nothing twice.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class InboundTurnHandler implements JobHandler {

    static final String DEFAULT_LIMIT_MESSAGE = "You've reached the message limit for now. Please try again later.";
    private static final Logger LOG = LoggerFactory.getLogger(InboundTurnHandler.class);

    private final TenantScope scope;
    private final TurnRepository turns;
    private final BotConfigurationCache configurations;
    private final ContactRepository contacts;
    private final StatusUpdates statuses;
    private final MessageIntake intake;
    private final FlowPlanner planner;
    private final LlmAnswer llm;
    private final ReplyWriter writer;
    private final JsonMapper json;

    private final WorkingSignals signals;
    private final LineProfiles profiles;
    private final WaitingMessages waiting;
    private final QuotaReply quotas;

    private final AnalyticsTrigger analytics;
    private final ModerationTurn moderation;
    private final ContactErasure erasure;
    private final TenantSuspensions suspensions;
    private final InlineSend inline;

    InboundTurnHandler(TenantScope scope, TurnRepository turns, BotConfigurationCache configurations,
                       ContactRepository contacts, StatusUpdates statuses, MessageIntake intake, FlowPlanner planner,
                       LlmAnswer llm, ReplyWriter writer, JsonMapper json, WorkingSignals signals,
                       LineProfiles profiles, WaitingMessages waiting, QuotaReply quotas,
                       AnalyticsTrigger analytics, ModerationTurn moderation, ContactErasure erasure,
                       TenantSuspensions suspensions, InlineSend inline) {
        this.suspensions = suspensions;
        this.inline = inline;
        this.analytics = analytics;
        this.moderation = moderation;
        this.erasure = erasure;
        this.waiting = waiting;
        this.quotas = quotas;
        this.signals = signals;
        this.profiles = profiles;
        this.scope = scope;
        this.turns = turns;
        this.configurations = configurations;
        this.contacts = contacts;
        this.statuses = statuses;
        this.intake = intake;
        this.planner = planner;
        this.llm = llm;
        this.writer = writer;
        this.json = json;
    }

    @Override
    public String kind() {
        return JobKinds.INBOUND_TURN;
    }

    @Override
    public void run(Job job) {
        TenantId tenant = job.tenant();
        UUID eventId = eventId(job);
        if (suspensions.holds(tenant, job.id(), eventId)) {
            return; // the tenant is suspended: the stored event is answered when it resumes (docs/operator-console.md)
        }
        // One transaction reads the event and takes it in: a turn's first step costs one commit, not two.
        Turn admitted = scope.writeReplayable(tenant, () -> admit(tenant, eventId));
        analytics.touched(tenant); // its rollups follow within parley.analytics.rollup-interval
        if (admitted != null) {
            converse(admitted, job);
        }
    }

    /** Inside the turn's first transaction: applies what needs no answer; returns a turn to answer, or null. */
    private Turn admit(TenantId tenant, UUID eventId) {
        TurnEventRow stored = turns.find(tenant.value(), eventId).orElse(null);
        if (stored == null) {
            LOG.info("Inbound event {} or its channel no longer exists; nothing to do", eventId);
            return null;
        }
        InboundEvent event = read(stored);
        BotConfiguration config = configurations.get(new BotKey(tenant, stored.botId())).orElse(null);
        if (config == null) {
            return null; // the bot was deleted after the event arrived
        }
        ChannelRow channel = config.channel(stored.channelId()).orElseThrow(() ->
                // the channel exists (the event's row joined it): this process's snapshot predates it
                new JobRetryAfter(Duration.ofSeconds(2), "configuration snapshot does not have the channel yet"));
        if (event.externalUserId() != null && erasure.lateEvent(tenant, eventId, channel.id(), event.externalUserId(),
                writes(event), event.occurredAt())) {
            LOG.info("Event {} is from an erased identity and not a new message; dropped (docs/privacy.md)", eventId);
            return null;
        }
        switch (event.type()) {
            case STATUS -> statuses.apply(tenant, event);
            case UNFOLLOW -> {
                if (event.externalUserId() != null) {
                    contacts.setFollowing(tenant.value(), channel.id(), event.externalUserId(), false);
                }
            }
            case UNKNOWN -> {
                String movedFrom = event.attributes() == null ? null
                        : event.attributes().get(EventAttributes.MIGRATED_FROM_CHAT);
                if (movedFrom != null && event.externalUserId() != null) {
                    int moved = scope.write(tenant, () -> contacts.moveIdentity(tenant.value(), channel.id(),
                            movedFrom, event.externalUserId()));
                    LOG.info("Chat {} of channel {} moved to {}: {} conversation(s) follow it", movedFrom,
                            channel.id(), event.externalUserId(), moved);
                } else {
                    LOG.debug("Event {} of an unknown type is stored, not answered", eventId);
                }
            }
            default -> {
                if (event.externalUserId() != null) {
                    return intake.admit(tenant, stored, event, config, channel).orElse(null);
                }
            }
        }
        return null;
    }

    /** A message from the person (what "writing again" after an erasure means), not a follow or a status. */
    private static boolean writes(InboundEvent event) {
        return switch (event.type()) {
            case FOLLOW, UNFOLLOW, STATUS, UNKNOWN -> false;
            default -> true;
        };
    }

    /**
     * LINE webhooks carry no name: ask LINE once, for a contact that has none, so personas can use
     * {{contact.displayName}} from the first answer. Outside any transaction; best effort.
     */
    private Turn withLineProfileName(Turn turn) {
        if (turn.contact().displayName() != null || turn.channel().channelType() != ChannelType.LINE) {
            return turn;
        }
        return profiles.displayName(turn.channel(), turn.event().externalUserId()).map(name -> {
            var contact = scope.write(turn.tenant(), () -> contacts.upsertByIdentity(turn.tenant().value(),
                    turn.channel().id(), turn.event().externalUserId(), name, null).contact());
            return turn.withContact(contact);
        }).orElse(turn);
    }

    private void converse(Turn admitted, Job job) {
        LogContext.conversation(admitted.bot().id(), admitted.channel().id(), admitted.conversation().id());
        Turn turn = withLineProfileName(admitted);
        if (turn.event().attributes() != null
                && Boolean.parseBoolean(turn.event().attributes().get(EventAttributes.STANDBY))) {
            return; // LINE standby: another module answers this chat; the message is stored, the bot stays silent
        }
        ModerationTurn.Screen screen = moderation.input(turn); // before anything answers, limits included
        if (screen.stops()) {
            answerInstead(job, turn, List.of(), screen);
            return;
        }
        if (turn.limits().limitedUntil() != null) {
            if (turn.limits().quota()) {
                quotaReached(job, turn, QuotaReply.Quota.MESSAGES, turn.limits().limitedUntil());
            } else {
                notifyLimit(job, turn, turn.limits().limitedUntil());
            }
            return;
        }
        FlowPlanner.Plan plan = planner.plan(turn);
        List<OutboundMessage> messages = new ArrayList<>(plan.messages().stream()
                .map(message -> message.from(OutboundMessage.FLOW)).toList());
        LlmAnswer.Answer answer = null;
        boolean crisis = false;
        if (plan.then() == FlowTurn.Then.LLM) {
            if (turn.limits().llmBudgetUntil() != null) {
                quotaReached(job, turn, QuotaReply.Quota.LLM_BUDGET, turn.limits().llmBudgetUntil());
                return;
            }
            boolean coalescing = WaitingMessages.coalescable(turn, plan);
            if (coalescing) {
                List<Turn.Absorbed> typed = waiting.takeIn(turn, job.id()); // messages typed meanwhile: one answer
                turn = turn.absorbing(typed);
                ModerationTurn.Screen late = moderation.absorbed(turn, typed);
                if (late.stops()) {
                    answerInstead(job, turn, messages, late);
                    return;
                }
            }
            signals.signal(turn);
            answer = llm.answer(turn, plan.instruction(), messages.size());
            if (coalescing && answer.failed()) {
                // What arrived while the LLM failed (or hung) gets the same fallback, not one fallback each later.
                turn = turn.absorbing(waiting.takeIn(turn, job.id()));
            }
            crisis = addAnswer(turn, answer, messages);
        }
        List<UUID> sent = reply(job, turn, new Reply(messages, plan.attributeChanges(),
                plan.then() == FlowTurn.Then.HANDOFF, answer == null ? null : answer.usage(), !messages.isEmpty(), null,
                plan.flowWait(), plan.variableChanges(), answer == null ? null : answer.memory(), plan.handoffSource()));
        if (answer != null && sent.isEmpty()) {
            signals.stopped(turn); // composing ended without a reply
        }
        if (crisis) {
            moderation.handOff(turn);
        }
    }

    /**
     * Adds the LLM's answer to the turn's messages after output moderation; a fail-closed bot whose LLM failed
     * sends its crisis message instead of the fallback. True when the answer was a crisis (a person takes over).
     */
    private boolean addAnswer(Turn turn, LlmAnswer.Answer answer, List<OutboundMessage> messages) {
        int first = messages.size();
        boolean crisis = false;
        if (answer.failed()) {
            String closed = answer.usage() == null ? null : moderation.failedLlmText(turn); // null usage: a cap
            if (closed != null) {
                messages.add(OutboundMessage.text(closed).from(ModerationTurn.ORIGIN));
            } else {
                answer.messages().forEach(message -> messages.add(message.from(OutboundMessage.FALLBACK)));
            }
        } else {
            List<OutboundMessage> said = answer.messages().stream().map(m -> m.from(OutboundMessage.LLM)).toList();
            ModerationTurn.Output screened = moderation.output(turn, said);
            messages.addAll(screened.messages());
            crisis = screened.crisis();
        }
        if (answer.usage() != null && messages.size() > first) {
            messages.set(first, MessageUsage.mark(messages.get(first), answer.usage())); // the call behind it
        }
        return crisis;
    }

    /** Moderation (or the input length limit) answers instead of the flows and the LLM. */
    private void answerInstead(Job job, Turn turn, List<OutboundMessage> before, ModerationTurn.Screen screen) {
        List<OutboundMessage> messages = new ArrayList<>(before);
        messages.addAll(screen.instead());
        reply(job, turn, new Reply(messages, Map.of(), false, null, true, null));
        if (screen.crisis()) {
            moderation.handOff(turn);
        }
    }

    /**
     * The tenant's plan quota is used up: the owner and admins are told (once per quota and month), and the contact
     * gets the bot's quota message — never the per-contact limit text — once per window, like the limit message.
     */
    private void quotaReached(Job job, Turn turn, QuotaReply.Quota quota, Instant until) {
        quotas.notifyMembers(turn.tenant(), quota, until);
        if (!turn.limits().noticeActive()) {
            reply(job, turn, Reply.limitNotice(QuotaReply.text(turn.bot()), until));
        }
    }

    /** The bot's limit message, once per window; silence while a notice's window lasts. */
    private void notifyLimit(Job job, Turn turn, Instant until) {
        if (turn.limits().noticeActive()) {
            return;
        }
        String text = turn.bot().limitMessage() == null || turn.bot().limitMessage().isBlank()
                ? DEFAULT_LIMIT_MESSAGE : turn.bot().limitMessage();
        reply(job, turn, Reply.limitNotice(planner.withCheckoutLinks(turn, text), until));
    }

    /**
     * Writes the reply and, once it committed, sends it under this turn's own claim (one job per turn, InlineSend),
     * unless it went into an {@code outbound.send} job behind an earlier send of the conversation. Returns the ids of
     * the messages written (empty: none).
     */
    private List<UUID> reply(Job job, Turn turn, Reply reply) {
        if (!inline.enabled()) {
            return writer.write(turn, reply);
        }
        ReplyWriter.Replied replied = writer.writeForInlineSend(turn, reply);
        if (replied.inline() == null) {
            return replied.ids();
        }
        try {
            inline.send(job, replied.inline(), turn.event().sendKey());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the attempt fails (or was handed back): the next one finds the reply queued and sends it
            throw new IllegalStateException("interrupted before the reply was sent", e);
        }
        return replied.ids();
    }

    @Serdeable
    record Args(UUID eventId) {
    }

    private UUID eventId(Job job) {
        return job.args(json, Args.class, a -> a.eventId() != null, "inbound.turn needs an eventId").eventId();
    }

    private InboundEvent read(TurnEventRow stored) {
        try {
            InboundEvent event = json.readValue(stored.payload(), InboundEvent.class);
            if (event == null || event.type() == null) {
                throw new JobDiscard("inbound event " + stored.id() + " has no type");
            }
            return event;
        } catch (IOException e) {
            throw new JobDiscard("inbound event " + stored.id() + " is not an InboundEvent");
        }
    }
}
