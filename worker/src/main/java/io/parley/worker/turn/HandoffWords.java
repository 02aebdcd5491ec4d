package io.parley.worker.turn;

import io.parley.core.channel.BusinessHours;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.WebSettingsCodec;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the web chat says after a flow's hand-off reply (docs/web-chat.md "Business hours"), as the paused-conversation
 * path does after a message: the bot's {@code handoffText} as {@code personAnswersText} when it has one, and, on a web
 * chat channel with business hours, outside them, the next opening as {@code personAnswersFrom} ({@code {day, time}}),
 * which the widget says instead ("We're away now; a person will answer from Mon 09:00").
 */
@Singleton
final class HandoffWords {

    private final WebSettingsCodec webSettings;

    HandoffWords(WebSettingsCodec webSettings) {
        this.webSettings = webSettings;
    }

    /** The message, with the words the widget says next when it is a hand-off reply; other messages as they are. */
    OutboundMessage of(Turn turn, OutboundMessage message) {
        if (!Boolean.TRUE.equals(message.payload().get("handoff"))) {
            return message;
        }
        OutboundMessage worded = message;
        String handoffText = turn.bot().handoffText();
        if (handoffText != null && !handoffText.isBlank()) {
            worded = worded.with("personAnswersText", handoffText);
        }
        Optional<BusinessHours.Opening> opening = nextOpening(turn);
        if (opening.isPresent()) {
            worded = worded.with("personAnswersFrom", Map.of("day", opening.get().day(), "time", opening.get().time()));
        }
        return worded;
    }

    /** Outside a web chat channel's business hours, when people are back; empty inside them or without hours. */
    private Optional<BusinessHours.Opening> nextOpening(Turn turn) {
        if (turn.channel().channelType() != ChannelType.WEB) {
            return Optional.empty();
        }
        BusinessHours hours = webSettings.of(turn.channel()).businessHours();
        return hours == null ? Optional.empty() : hours.nextOpening(Instant.now());
    }
}
