package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.channel.ChannelType;
import io.parley.worker.outbound.web.WebChatLive;
import jakarta.inject.Singleton;

/**
 * Whether a turn's LLM answer is streamed to the contact while it is written (docs/llm.md "Streaming"), and where.
 * Only the web chat (the widget and the dashboard's test chat) can show a reply growing; the other channels get the
 * whole reply as before. Not streamed either when the contact must not read the answer before it is checked or
 * rewritten: output moderation on (a flagged answer is replaced, so it must never be shown first), or memory asked
 * for as a JSON block inside the text (the block is cut out of the reply). Output conversion is applied to each piece
 * ({@link LiveReply}). The pieces are advisory: the reply itself is stored and sent once, as always.
 */
@Singleton
final class ReplyStreaming {

    private final WebChatLive live;
    private final ModerationTurn moderation;

    ReplyStreaming(WebChatLive live, ModerationTurn moderation) {
        this.live = live;
        this.moderation = moderation;
    }

    /** The answer's pieces' way to the contact, or null when this turn's answer is not streamed. */
    @Nullable
    LiveReply open(Turn turn, MemoryTurn.Prepared remembered) {
        String session = turn.event().externalUserId();
        if (turn.channel().channelType() != ChannelType.WEB || session == null) {
            return null;
        }
        if ((remembered.active() && !remembered.tools()) || moderation.settings(turn).checks(false)) {
            return null;
        }
        return new LiveReply((offset, text) -> live.delta(turn.tenant(), turn.channel().id(), session, turn.eventId(),
                offset, text), turn.bot().outputConversion());
    }
}
