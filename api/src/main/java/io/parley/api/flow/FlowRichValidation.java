package io.parley.api.flow;

import io.parley.core.flow.FlowLimits;
import io.parley.core.flow.Step;
import io.parley.core.tenancy.Ids;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The rich steps of a request ({@code card}, {@code list}, {@code link_button}, {@code carousel}) and the target of a button (postback
 * data or a flow), checked like every other step (see {@link FlowValidation}). The limits are the smallest of the
 * channels' (docs/flows.md, "Rich messages"): WhatsApp reply buttons (3, titles 20), list rows (10, titles 24,
 * descriptions 72), list and CTA button labels (20), interactive bodies (1,024); LINE Flex and Telegram accept
 * more.
 */
final class FlowRichValidation {

    static final int MAX_CARD_BUTTONS = 3;
    static final int MAX_OPTIONS = 10;
    static final int MAX_TITLE = 80;
    static final int MAX_RICH_TEXT = 1000;
    static final int MAX_OPTION_LABEL = 24;
    static final int MAX_DESCRIPTION = 72;
    /** Fewer than 2 cards is a card step. */
    static final int MIN_CAROUSEL_CARDS = 2;
    /**
     * LINE takes 12 bubbles in a carousel and 50 KB of JSON: 10 cards of at most 80 + 1,000 characters (3 bytes
     * each in CJK) and 3 buttons stay under that, and 10 is what a contact still scrolls through.
     */
    static final int MAX_CAROUSEL_CARDS = 10;

    private FlowRichValidation() {
    }

    static Step card(String at, FlowWire.StepSpec spec, FlowValidation validation) {
        boolean valid = validation.template(at + ".title", spec.title(), MAX_TITLE, false)
                & validation.template(at + ".text", spec.text(), MAX_RICH_TEXT, false)
                & validation.https(at + ".imageUrl", spec.imageUrl(), true);
        List<Step.Button> buttons = spec.buttons() == null ? List.of()
                : validation.buttonList(at, spec.buttons(), MAX_CARD_BUTTONS, true);
        Step.Link link = spec.link() == null ? null : link(at + ".link", spec.link().label(), spec.link().url(),
                validation);
        valid &= buttons != null && (spec.link() == null || link != null);
        return valid ? new Step.Card(spec.title(), spec.text(), spec.imageUrl(), buttons, link) : null;
    }

    /** A carousel: 2-10 cards, each checked like a card (without a link), at {@code at.cards[i]}. */
    static Step carousel(String at, List<FlowWire.CardSpec> specs, FlowValidation validation) {
        if (specs == null || specs.size() < MIN_CAROUSEL_CARDS || specs.size() > MAX_CAROUSEL_CARDS) {
            validation.error(at + ".cards", "needs " + MIN_CAROUSEL_CARDS + " to " + MAX_CAROUSEL_CARDS + " cards");
            return null;
        }
        List<Step.CarouselCard> cards = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String field = at + ".cards[" + i + "]";
            FlowWire.CardSpec card = specs.get(i);
            if (card == null) {
                validation.error(field, "must be an object with title, text, imageUrl and buttons");
                continue;
            }
            boolean valid = validation.template(field + ".title", card.title(), MAX_TITLE, false)
                    & validation.template(field + ".text", card.text(), MAX_RICH_TEXT, false)
                    & validation.https(field + ".imageUrl", card.imageUrl(), true);
            List<Step.Button> buttons = card.buttons() == null ? List.of()
                    : validation.buttonList(field, card.buttons(), MAX_CARD_BUTTONS, true);
            if (valid && buttons != null) {
                cards.add(new Step.CarouselCard(card.title(), card.text(), card.imageUrl(), buttons));
            }
        }
        return cards.size() == specs.size() ? new Step.Carousel(cards) : null;
    }

    static Step list(String at, FlowWire.StepSpec spec, FlowValidation validation) {
        boolean valid = validation.template(at + ".text", spec.text(), MAX_RICH_TEXT, false)
                & validation.text(at + ".button", spec.button(), FlowLimits.MAX_BUTTON_LABEL_LENGTH, true);
        List<FlowWire.OptionSpec> specs = spec.options();
        if (specs == null || specs.isEmpty() || specs.size() > MAX_OPTIONS) {
            validation.error(at + ".options", "needs 1 to " + MAX_OPTIONS + " options");
            return null;
        }
        List<Step.Option> options = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String field = at + ".options[" + i + "]";
            FlowWire.OptionSpec option = specs.get(i);
            if (option == null) {
                validation.error(field, "must be an object with label and postback or flowId");
                valid = false;
                continue;
            }
            boolean ok = validation.text(field + ".label", option.label(), MAX_OPTION_LABEL, false)
                    & validation.text(field + ".description", option.description(), MAX_DESCRIPTION, true)
                    & target(field, option.postback(), option.flowId(), validation);
            if (ok) {
                options.add(new Step.Option(option.label(), option.description(), option.postback(),
                        option.flowId() == null ? null : option.flowId().toLowerCase(Locale.ROOT)));
            }
            valid &= ok;
        }
        return valid ? new Step.OptionList(spec.text(), spec.button(), options) : null;
    }

    static Step linkButton(String at, FlowWire.StepSpec spec, FlowValidation validation) {
        boolean valid = validation.template(at + ".text", spec.text(), MAX_RICH_TEXT, false);
        Step.Link link = link(at, spec.label(), spec.url(), validation);
        return valid && link != null ? new Step.LinkButton(spec.text(), link.label(), link.url()) : null;
    }

    /**
     * A button's target at {@code field}: exactly one of {@code postback} data and {@code flowId}, a flow of this
     * bot (checked by the service with the go-to targets, so another bot's or tenant's flow is refused).
     */
    static boolean target(String field, String postback, String flowId, FlowValidation validation) {
        if ((postback == null) == (flowId == null)) {
            validation.error(field, "needs either postback or flowId");
            return false;
        }
        if (postback != null) {
            return validation.text(field + ".postback", postback, FlowLimits.MAX_POSTBACK_LENGTH, false);
        }
        UUID flow = Ids.parse(flowId).orElse(null);
        if (flow == null) {
            validation.error(field + ".flowId", "must be the id of a flow of this bot");
            return false;
        }
        validation.gotoTarget(field + ".flowId", flow);
        return true;
    }

    /** A link: a label of 1-20 characters and an http or https URL with a host, at most 2000 characters. */
    private static Step.Link link(String at, String label, String url, FlowValidation validation) {
        boolean valid = validation.text(at + ".label", label, FlowLimits.MAX_BUTTON_LABEL_LENGTH, false);
        boolean web = false;
        try {
            URI uri = url == null ? null : new URI(url);
            web = uri != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null && url.length() <= FlowLimits.MAX_URL_LENGTH;
        } catch (URISyntaxException e) {
            // reported below
        }
        if (!web) {
            validation.error(at + ".url", "must be an http or https URL of at most " + FlowLimits.MAX_URL_LENGTH
                    + " characters");
        }
        return valid && web ? new Step.Link(label, url) : null;
    }
}
