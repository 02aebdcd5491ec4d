package io.parley.core.flow;

import java.util.Objects;

/** The part of an inbound event that flows can match on; channel-neutral (LINE, WhatsApp, Telegram, web chat). */
public sealed interface FlowEvent {

    /** A text message from the contact. */
    record Text(String text) implements FlowEvent {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A button press: LINE postback data, Telegram callback_query data, WhatsApp button reply id. */
    record Postback(String data) implements FlowEvent {
        public Postback {
            Objects.requireNonNull(data, "data");
        }
    }

    /** The contact started following the bot or opened the conversation for the first time. */
    record Follow() implements FlowEvent {
    }
}
