package io.parley.core.message;

/**
 * The pipeline's job kinds and their JSON args (jobs take ids; HOUSE-STYLE 5).
 * <ul>
 *   <li>{@code inbound.turn} {@code {"eventId": "<inbound_events.id>"}} — serial key {@link InboundEvent#conversationKey()}
 *       ({@link InboundEvent#sendKey()} for delivery statuses),
 *       unique key "in:&lt;channelId&gt;:&lt;providerEventId&gt;". Runs the turn: contact, message, takeover, limits,
 *       flows or LLM, then sends the reply itself once it committed (one job per turn), or enqueues an outbound send
 *       when it cannot send it now (docs/outbound.md, "One job per turn").</li>
 *   <li>{@code outbound.send} {@code {"conversationId": "…", "messageIds": ["…"], "replyToken": "…"|null,
 *       "inboundAt": "<ISO instant of the inbound event>"|null}} — serial key {@link InboundEvent#sendKey()} (the
 *       conversation's sends, in order, apart from its turns); unique key "out:&lt;first message id&gt;".</li>
 * </ul>
 */
public final class JobKinds {

    public static final String INBOUND_TURN = "inbound.turn";
    public static final String OUTBOUND_SEND = "outbound.send";

    private JobKinds() {
    }
}
