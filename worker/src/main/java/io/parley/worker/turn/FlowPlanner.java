package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.accesscode.AccessCodes;
import io.parley.core.bot.PersonaTemplate;
import io.parley.core.channel.ChannelType;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactRow;
import io.parley.core.flow.AnswerCheck;
import io.parley.core.flow.Flow;
import io.parley.core.flow.FlowEvent;
import io.parley.core.flow.condition.ConditionFacts;
import io.parley.core.flow.condition.TenantTimeZones;
import io.parley.core.premium.CheckoutLinks;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.outbound.NumberedAnswers;
import io.parley.worker.outbound.PostbackReferences;
import io.parley.core.flow.FlowMatch;
import io.parley.core.flow.FlowTurn;
import io.parley.core.flow.Trigger;
import io.parley.core.flow.Step;
import io.parley.core.message.InboundEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.flow.capture.FlowStateRepository;
import io.parley.core.flow.capture.FlowStateRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Flows first: a text, button press or follow event is matched against the bot's flows (core's FlowMatcher, the
 * same rules as the API's dry-run) and the matched flow's steps rendered for the contact (core's FlowTurn).
 * Unmatched messages go to the LLM; an unmatched follow gets the welcome message.
 *
 * <p>Conditions see the contact, the channel type and the time in the tenant's zone (asked for only when a
 * condition needs it). A gate that is still closed for the contact answers stickers as well as texts and button
 * presses, since a sticker would otherwise reach the LLM past it.
 *
 * <p>Media no flow can match: a sticker goes to the LLM as "[sticker]" (stickers are how LINE users chat, and the
 * persona answers them in character); images, audio, video, files and locations get {@link #MEDIA_REPLY}, since
 * the LLM cannot see them and pretending it did would mislead.
 *
 * <p>Channels without a follow event (WhatsApp, Telegram, web chat) send the welcome message before the answer to a
 * new contact's first message.
 */
@Singleton
final class FlowPlanner {

    static final String MEDIA_REPLY = "Thanks for sending that! I can only read text messages for now — could you "
            + "tell me in words?";
    private static final Logger LOG = LoggerFactory.getLogger(FlowPlanner.class);

    private final ContactAttributes attributes;
    private final SetupLinks links;

    private final TenantScope scope;
    private final PostbackReferences postbacks;
    private final CheckoutLinks checkoutLinks;

    private final TenantTimeZones zones;
    private final FlowStateRepository states;
    private final CapturePlanner captures;
    private final JsonMapper json;
    private final AccessCodes accessCodes;
    private final MemoryTurn memory;
    private final NumberedAnswers numbered;
    private final FlowFires fires;
    private final HandoffWords handoffWords;

    FlowPlanner(ContactAttributes attributes, SetupLinks links, TenantScope scope, PostbackReferences postbacks,
                TenantTimeZones zones, FlowStateRepository states, CapturePlanner captures, JsonMapper json,
                CheckoutLinks checkoutLinks, AccessCodes accessCodes, MemoryTurn memory, NumberedAnswers numbered,
                FlowFires fires, HandoffWords handoffWords) {
        this.handoffWords = handoffWords;
        this.memory = memory;
        this.numbered = numbered;
        this.fires = fires;
        this.accessCodes = accessCodes;
        this.zones = zones;
        this.states = states;
        this.captures = captures;
        this.json = json;
        this.checkoutLinks = checkoutLinks;
        this.scope = scope;
        this.postbacks = postbacks;
        this.attributes = attributes;
        this.links = links;
    }

    /** The hand-off source of a flow started by its keyword trigger (conversations.handoff_source). */
    static final String KEYWORD_HANDOFF = "keyword";

    /**
     * What the flows decided: messages to send first, then how the turn ends; {@code wait} changes where the
     * conversation waits for an answer (null: no change), {@code variableChanges} its captured variables.
     */
    record Plan(List<OutboundMessage> messages, FlowTurn.Then then, @Nullable String instruction,
                Map<String, String> attributeChanges, @Nullable Wait flowWait, Map<String, String> variableChanges,
                @Nullable String handoffSource) {

        Plan(List<OutboundMessage> messages, FlowTurn.Then then, @Nullable String instruction,
             Map<String, String> attributeChanges, @Nullable Wait flowWait, Map<String, String> variableChanges) {
            this(messages, then, instruction, attributeChanges, flowWait, variableChanges, null);
        }

        Plan(List<OutboundMessage> messages, FlowTurn.Then then, @Nullable String instruction,
             Map<String, String> attributeChanges) {
            this(messages, then, instruction, attributeChanges, null, Map.of());
        }

        Plan withWait(@Nullable Wait other) {
            return new Plan(messages, then, instruction, attributeChanges, other, variableChanges, handoffSource);
        }

        /** Who handed off, when this plan hands off: "keyword" for a flow its keyword trigger started. */
        Plan handedOffBy(String source) {
            return new Plan(messages, then, instruction, attributeChanges, flowWait, variableChanges, source);
        }
    }

    /** The conversation waits at an ask step ({@code flowId} and top-level {@code stepIndex}), or, as STOP, no more. */
    record Wait(@Nullable UUID flowId, int stepIndex, int attempts, @Nullable Instant expiresAt) {
        static final Wait STOP = new Wait(null, 0, 0, null);
    }

    /** What flows answer to the turn's message, with {@code {{checkoutUrl:<offer id>}}} filled for the contact. */
    Plan plan(Turn turn) {
        Plan plan = planned(turn);
        List<OutboundMessage> messages = new ArrayList<>(plan.messages());
        messages.replaceAll(message -> message.withTexts(text -> withCheckoutLinks(turn, text)));
        // the web chat says a person will answer (in the bot's words, or from when outside business hours)
        messages.replaceAll(message -> handoffWords.of(turn, message));
        return new Plan(messages, plan.then(), withCheckoutLinks(turn, plan.instruction()), plan.attributeChanges(),
                plan.flowWait(), plan.variableChanges(), plan.handoffSource());
    }

    private Plan planned(Turn turn) {
        InboundEvent event = turn.event();
        FlowEvent flowEvent = resolvePostback(turn, flowEvent(event));
        ContactRow contact = turn.contact();
        FlowTurn.Recipient recipient = new FlowTurn.Recipient(contact.displayName(), contact.tier(),
                attributes.read(contact.attributes()));
        Instant now = Instant.now();
        // Conversation state exists only where some flow asks questions: other bots pay no query for it.
        FlowStateRow state = turn.flows().asks() ? scope.read(turn.tenant(), () ->
                states.find(turn.tenant().value(), turn.conversation().id()).orElse(null)) : null;
        ConditionFacts facts = new ConditionFacts(contact.displayName(), contact.tier(), recipient.attributes(),
                contact.personaOverride() != null && !contact.personaOverride().isBlank(),
                turn.channel().channelType().wireName(), now,
                () -> zones.of(turn.tenant()), state == null ? Map.of() : variables(state),
                redeemedCode(turn), memory.values(turn)).withTags(attributes.readTags(contact.tags()));
        Wait left = null;
        if (state != null && state.waiting(now) && (flowEvent instanceof FlowEvent.Text
                || flowEvent instanceof FlowEvent.Postback)) {
            if (cancels(flowEvent)) {
                left = Wait.STOP; // and the message is an ordinary one: a flow may answer "cancel"
            } else {
                Plan answered = captures.answer(turn, state, flowEvent, facts, links.url(turn.tenant(), contact.id()),
                        now);
                if (answered != null) {
                    return answered;
                }
                left = Wait.STOP; // the question's flow or step is gone
            }
        }
        Plan plan = matched(turn, event, flowEvent, contact, recipient, facts);
        return plan.flowWait() == null && left != null ? plan.withWait(left) : plan;
    }

    /** Asked at most once per turn, and only when a condition reads contact.accessCode. */
    private BooleanSupplier redeemedCode(Turn turn) {
        Boolean[] known = new Boolean[1];
        return () -> {
            if (known[0] == null) {
                known[0] = accessCodes.redeemed(turn.tenant(), turn.bot().id(), turn.contact().id());
            }
            return known[0];
        };
    }

    private boolean cancels(FlowEvent event) {
        return event instanceof FlowEvent.Text text && captures.settings().cancelWords().stream()
                .anyMatch(word -> AnswerCheck.sameWord(word, text.text()));
    }

    private Map<String, Object> variables(FlowStateRow state) {
        try {
            Map<String, Object> read = json.readValue(state.variables(), Argument.mapOf(String.class, Object.class));
            return read == null ? Map.of() : read;
        } catch (IOException e) {
            throw new UncheckedIOException("stored conversation variables are unreadable", e);
        }
    }

    private Plan matched(Turn turn, InboundEvent event, FlowEvent flowEvent, ContactRow contact,
                         FlowTurn.Recipient recipient, ConditionFacts facts) {
        if (flowEvent == null) {
            if (event.type() != InboundEvent.Type.STICKER) {
                return new Plan(List.of(OutboundMessage.text(MEDIA_REPLY)), FlowTurn.Then.REPLY, null, Map.of());
            }
            Flow gate = turn.flows().gate(facts, null);
            if (gate == null) {
                return new Plan(List.of(), FlowTurn.Then.LLM, null, Map.of());
            }
            fires.fired(turn, gate.id());
            FlowTurn gated = FlowTurn.run(gate, 0, facts, turn.bot().name(), links.url(turn.tenant(), contact.id()),
                    turn.flows()::flow);
            Plan plan = plan(gated, List.of());
            return gated.waiting() == null ? plan : plan.withWait(captures.waitAt(gated.waiting(), 0, facts.now()));
        }
        String setupUrl = links.url(turn.tenant(), contact.id());
        FlowMatch match = turn.flows().match(flowEvent, facts);
        match.timedOut().forEach(flow -> LOG.warn("Flow {} of bot {} skipped: its regex ran out of time",
                flow.id(), turn.bot().id()));
        match.found().ifPresent(flow -> fires.fired(turn, flow.id()));
        FlowTurn flowTurn = match.found()
                .map(flow -> FlowTurn.run(flow, 0, facts, turn.bot().name(), setupUrl, turn.flows()::flow))
                .orElseGet(() -> FlowTurn.unmatched(flowEvent, turn.bot().welcomeMessage(), recipient,
                        turn.bot().name(), setupUrl));
        List<OutboundMessage> messages = new ArrayList<>();
        if (welcomesFirstMessage(turn, flowEvent)) {
            messages.add(OutboundMessage.text(PersonaTemplate.render(turn.bot().welcomeMessage(),
                    PersonaTemplate.contactValues(contact.displayName(), contact.tier(), recipient.attributes(),
                            turn.bot().name(), setupUrl))));
        }
        Plan plan = plan(flowTurn, messages);
        if (match.found().map(flow -> flow.trigger() instanceof Trigger.Keyword).orElse(false)) {
            plan = plan.handedOffBy(KEYWORD_HANDOFF); // told apart in the inbox: "a keyword handed off"
        }
        return flowTurn.waiting() == null ? plan : plan.withWait(captures.waitAt(flowTurn.waiting(), 0, facts.now()));
    }

    static Plan plan(FlowTurn flowTurn, List<OutboundMessage> first) {
        List<OutboundMessage> messages = new ArrayList<>(first);
        String instruction = null;
        for (Step step : flowTurn.steps()) {
            OutboundMessage.of(step).ifPresent(messages::add);
            if (step instanceof Step.AskLlm ask) {
                instruction = ask.instruction();
            }
        }
        return new Plan(messages, flowTurn.then(), instruction, flowTurn.attributeChanges());
    }

    /** Fills {@code {{checkoutUrl:<offer id>}}} with this contact's checkout links (welcome, flow, limit texts). */
    String withCheckoutLinks(Turn turn, @Nullable String text) {
        return checkoutLinks.render(text, turn.tenant(), turn.contact().id());
    }

    /** Long postback data went out as a short reference (Telegram allows 64 bytes); match the original data. */
    private FlowEvent resolvePostback(Turn turn, FlowEvent flowEvent) {
        if (flowEvent instanceof FlowEvent.Text text) {
            // "2" after a message with options is a press of its second option (docs/flows.md, "Rich messages").
            return scope.read(turn.tenant(), () -> numbered.pressed(turn.tenant(), turn.conversation().id(),
                    turn.inboundMessageId(), text.text())).<FlowEvent>map(FlowEvent.Postback::new).orElse(flowEvent);
        }
        if (!(flowEvent instanceof FlowEvent.Postback postback)) {
            return flowEvent;
        }
        String original = scope.read(turn.tenant(), () ->
                postbacks.resolve(turn.tenant(), turn.conversation().id(), postback.data()));
        return new FlowEvent.Postback(original);
    }

    private static boolean welcomesFirstMessage(Turn turn, FlowEvent flowEvent) {
        String welcome = turn.bot().welcomeMessage();
        return turn.newContact() && !(flowEvent instanceof FlowEvent.Follow) && welcome != null && !welcome.isBlank()
                && turn.channel().channelType() != ChannelType.LINE;
    }

    private static FlowEvent flowEvent(InboundEvent event) {
        return switch (event.type()) {
            case TEXT -> event.text() == null ? null : new FlowEvent.Text(event.text());
            case POSTBACK -> event.postbackData() == null ? null : new FlowEvent.Postback(event.postbackData());
            case FOLLOW -> new FlowEvent.Follow();
            default -> null;
        };
    }
}
