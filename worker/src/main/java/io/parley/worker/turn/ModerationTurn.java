package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.parley.core.analytics.HandoffRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.events.TenantEvents;
import io.parley.core.message.InboundEvent;
import io.parley.core.moderation.ModerationAction;
import io.parley.core.moderation.ModerationCodec;
import io.parley.core.moderation.ModerationSettings;
import io.parley.core.notification.NotificationDraft;
import io.parley.core.notification.NotificationDraft.Severity;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.moderation.ModerationVerdict;
import io.parley.worker.moderation.Moderator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The turn's moderation and safety hooks (docs/llm.md, "Moderation"), outside any transaction but their own short
 * ones: the input length limit and input moderation before anything answers, output moderation of the LLM's answer
 * before it is sent, and the bot's failure behaviour when moderation or the LLM is unavailable. A flag is stored on
 * the message ({@code payload.moderation}); a crisis sends the crisis message, hands the conversation to a person
 * and raises a critical notification.
 */
@Singleton
final class ModerationTurn {

    /** {@code payload.origin} of what moderation sends instead (crisis, refusal, too-long text). */
    static final String ORIGIN = "moderation";
    private static final Logger LOG = LoggerFactory.getLogger(ModerationTurn.class);

    private final ModerationCodec codec;
    private final Moderator moderator;
    private final TenantScope scope;
    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final HandoffRepository handoffs;
    private final TenantEvents events;
    private final Notifications notifications;
    private final JsonMapper json;

    ModerationTurn(ModerationCodec codec, Moderator moderator, TenantScope scope, MessageRepository messages,
                   ConversationRepository conversations, HandoffRepository handoffs, TenantEvents events,
                   Notifications notifications, JsonMapper json) {
        this.codec = codec;
        this.moderator = moderator;
        this.scope = scope;
        this.messages = messages;
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.events = events;
        this.notifications = notifications;
        this.json = json;
    }

    /** What a screen decided: the messages to send instead (null: go on) and whether a person must take over. */
    record Screen(@Nullable List<OutboundMessage> instead, boolean crisis) {
        static final Screen PASS = new Screen(null, false);

        boolean stops() {
            return instead != null;
        }
    }

    ModerationSettings settings(Turn turn) {
        return codec.read(turn.bot().moderation());
    }

    /** Before a flow or the LLM answers the turn's own message. */
    Screen input(Turn turn) {
        return turn.inboundMessageId() == null ? Screen.PASS
                : input(turn, List.of(new Checked(turn.inboundMessageId(), turn.event())));
    }

    /** Before the LLM answers messages absorbed into the turn (typed while it waited). */
    Screen absorbed(Turn turn, List<Turn.Absorbed> absorbed) {
        return input(turn, absorbed.stream().map(a -> new Checked(a.eventId(), a.event())).toList());
    }

    private record Checked(UUID messageId, InboundEvent event) {
    }

    private Screen input(Turn turn, List<Checked> checked) {
        ModerationSettings settings = settings(turn);
        Screen strongest = Screen.PASS;
        for (Checked message : checked) {
            String text = message.event().text();
            if (text == null || text.isBlank()) {
                continue;
            }
            Integer max = settings.maxInputLength();
            if (max != null && text.codePointCount(0, text.length()) > max) {
                LOG.info("Message {} of bot {} is over its {} characters: the too-long text answers it",
                        message.messageId(), turn.bot().id(), max);
                strongest = stronger(strongest, new Screen(List.of(send(settings.tooLongText())), false));
                continue;
            }
            ModerationVerdict verdict = moderator.check(turn.bot(), settings, text, true);
            if (verdict.noteworthy()) {
                mark(turn, message.messageId(), verdict.flag(true));
            }
            strongest = stronger(strongest, decide(settings, verdict));
        }
        return strongest;
    }

    /** The LLM's answer after output moderation, and whether it was a crisis (a person must take over). */
    record Output(List<OutboundMessage> messages, boolean crisis) {
    }

    /** The LLM's answer, screened: the same messages (a flag-only verdict marks the first) or the replacement. */
    Output output(Turn turn, List<OutboundMessage> answer) {
        ModerationSettings settings = settings(turn);
        String text = answer.stream().map(OutboundMessage::text).filter(t -> t != null)
                .collect(Collectors.joining("\n"));
        ModerationVerdict verdict = moderator.check(turn.bot(), settings, text, false);
        if (!verdict.noteworthy()) {
            return new Output(answer, false);
        }
        Map<String, Object> flag = verdict.flag(false);
        Screen screen = decide(settings, verdict);
        if (screen.stops()) {
            LOG.info("The LLM's answer for bot {} was replaced ({})", turn.bot().id(), flag);
            return new Output(List.of(flagged(screen.instead().getFirst(), flag)), screen.crisis());
        }
        List<OutboundMessage> marked = new ArrayList<>(answer);
        marked.set(0, flagged(marked.getFirst(), flag));
        return new Output(marked, false);
    }

    /** The LLM failed: a fail-closed bot sends its crisis message instead of the fallback (null: the fallback). */
    @Nullable
    String failedLlmText(Turn turn) {
        ModerationSettings settings = settings(turn);
        return settings.failClosed() ? settings.crisisText() : null;
    }

    private static Screen decide(ModerationSettings settings, ModerationVerdict verdict) {
        if (verdict.action() == ModerationAction.CRISIS) {
            return new Screen(List.of(send(settings.crisisText())), true);
        }
        if (verdict.action() == ModerationAction.REFUSE) {
            return new Screen(List.of(send(settings.refusalText())), false);
        }
        if (verdict.unavailable() && settings.failClosed()) {
            return new Screen(List.of(send(settings.crisisText())), false);
        }
        return Screen.PASS; // flagged only, or unchecked and failing open: the message carries the flag
    }

    private static Screen stronger(Screen a, Screen b) {
        if (a.crisis() || !b.stops()) {
            return a;
        }
        return b.crisis() || !a.stops() ? b : a;
    }

    private static OutboundMessage send(String text) {
        return OutboundMessage.text(text).from(ORIGIN);
    }

    private static OutboundMessage flagged(OutboundMessage message, Map<String, Object> flag) {
        Map<String, Object> payload = new LinkedHashMap<>(message.payload());
        payload.put("moderation", flag);
        return new OutboundMessage(message.type(), message.text(), payload);
    }

    private void mark(Turn turn, UUID messageId, Map<String, Object> flag) {
        String patch;
        try {
            patch = json.writeValueAsString(Map.of("moderation", flag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scope.writeVoid(turn.tenant(), () -> messages.mergePayload(turn.tenant().value(), messageId, patch));
    }

    /**
     * After the crisis message was written: the bot is paused in the conversation (a person takes over), the
     * hand-off counted, and everyone who can answer alerted — once per turn (a re-run finds the bot paused).
     */
    void handOff(Turn turn) {
        UUID t = turn.tenant().value();
        scope.writeVoid(turn.tenant(), () -> {
            ConversationRow conversation = conversations.lock(t, turn.conversation().id()).orElse(null);
            if (conversation == null || conversation.botPaused()) {
                return;
            }
            conversations.setBotPaused(t, conversation.id(), true, null);
            handoffs.insert(t, Ids.next(), conversation.id(), HandoffRepository.MODERATION);
            events.publish(turn.tenant(), "conversation.handoff", Map.of("conversationId",
                    conversation.id().toString(), "contactId", turn.contact().id().toString(), "reason", ORIGIN));
            String contact = turn.contact().displayName() == null || turn.contact().displayName().isBlank()
                    ? "A contact" : turn.contact().displayName();
            Map<String, String> params = new LinkedHashMap<>();
            params.put("contactName", contact);
            params.put("botName", turn.bot().name());
            params.put("conversationId", conversation.id().toString());
            notifications.raise(turn.tenant(), new NotificationDraft("conversation.crisis", Severity.CRITICAL,
                    Role.AGENT, contact + " may be in crisis",
                    "Moderation flagged a message from " + contact + " (bot " + turn.bot().name() + ") as a crisis. "
                            + "The bot sent its crisis message and is paused in this conversation: please reach out "
                            + "in the inbox now.",
                    params, "/inbox/" + conversation.id(), "crisis:" + turn.eventId()));
        });
    }
}
