package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.bot.PersonaTemplate;
import io.parley.core.channel.ChannelType;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactRow;
import io.parley.core.flow.FlowEvent;
import io.parley.core.premium.CheckoutLinks;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.outbound.PostbackReferences;
import io.parley.core.flow.FlowMatch;
import io.parley.core.flow.FlowTurn;
import io.parley.core.flow.Step;
import io.parley.core.message.InboundEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flows first: a text, button press or follow event is matched against the bot's flows (core's FlowMatcher, the
 * same rules as the API's dry-run) and the matched flow's steps rendered for the contact (core's FlowTurn).
 * Unmatched messages go to the LLM; an unmatched follow gets the welcome message.
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

    FlowPlanner(ContactAttributes attributes, SetupLinks links, TenantScope scope, PostbackReferences postbacks,
                CheckoutLinks checkoutLinks) {
        this.checkoutLinks = checkoutLinks;
        this.scope = scope;
        this.postbacks = postbacks;
        this.attributes = attributes;
        this.links = links;
    }

    /** What the flows decided: messages to send first, then how the turn ends. */
    record Plan(List<OutboundMessage> messages, FlowTurn.Then then, @Nullable String instruction,
                Map<String, String> attributeChanges) {
    }

    Plan plan(Turn turn) {
        InboundEvent event = turn.event();
        FlowEvent flowEvent = resolvePostback(turn, flowEvent(event));
        if (flowEvent == null) {
            return event.type() == InboundEvent.Type.STICKER
                    ? new Plan(List.of(), FlowTurn.Then.LLM, null, Map.of())
                    : new Plan(List.of(OutboundMessage.text(MEDIA_REPLY)), FlowTurn.Then.REPLY, null, Map.of());
        }
        ContactRow contact = turn.contact();
        FlowTurn.Recipient recipient = new FlowTurn.Recipient(contact.displayName(), contact.tier(),
                attributes.read(contact.attributes()));
        String setupUrl = links.url(turn.tenant(), contact.id());
        FlowMatch match = turn.flows().match(flowEvent);
        match.timedOut().forEach(flow -> LOG.warn("Flow {} of bot {} skipped: its regex ran out of time",
                flow.id(), turn.bot().id()));
        FlowTurn flowTurn = match.found()
                .map(flow -> FlowTurn.of(flow, recipient, turn.bot().name(), setupUrl))
                .orElseGet(() -> FlowTurn.unmatched(flowEvent, turn.bot().welcomeMessage(), recipient,
                        turn.bot().name(), setupUrl));
        List<OutboundMessage> messages = new ArrayList<>();
        if (welcomesFirstMessage(turn, flowEvent)) {
            messages.add(OutboundMessage.text(PersonaTemplate.render(turn.bot().welcomeMessage(),
                    PersonaTemplate.contactValues(contact.displayName(), contact.tier(), recipient.attributes(),
                            turn.bot().name(), setupUrl))));
        }
        String instruction = null;
        for (Step step : flowTurn.steps()) {
            OutboundMessage.of(step).ifPresent(messages::add);
            if (step instanceof Step.AskLlm ask) {
                instruction = ask.instruction();
            }
        }
        messages.replaceAll(message -> message.text() == null ? message
                : message.withText(withCheckoutLinks(turn, message.text())));
        return new Plan(messages, flowTurn.then(), withCheckoutLinks(turn, instruction), flowTurn.attributeChanges());
    }

    /** Fills {@code {{checkoutUrl:<offer id>}}} with this contact's checkout links (welcome, flow, limit texts). */
    String withCheckoutLinks(Turn turn, @Nullable String text) {
        return checkoutLinks.render(text, turn.tenant(), turn.contact().id());
    }

    /** Long postback data went out as a short reference (Telegram allows 64 bytes); match the original data. */
    private FlowEvent resolvePostback(Turn turn, FlowEvent flowEvent) {
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
