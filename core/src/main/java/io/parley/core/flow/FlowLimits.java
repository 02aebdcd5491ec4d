package io.parley.core.flow;

/**
 * Sizes a flow may have, checked when it is saved. A flow runs on every channel its bot is connected to:
 * <ul>
 *   <li>text: the smallest channel limit, Telegram sendMessage and WhatsApp text body (4096 characters; LINE 5000);
 *   <li>buttons: LINE's quick-reply maximum of 13 items, action labels of at most 20 characters and postback data
 *       of at most 300 characters (Messaging API reference, "Quick reply" and "Postback action");
 *   <li>image URLs: HTTPS and at most 2000 characters (LINE image message).
 * </ul>
 * Some channel limits are smaller and are deliberately not enforced here, because the channel's sender adapts the
 * message instead of the flow being refused: WhatsApp renders at most 3 reply buttons (10 rows as a list message,
 * row ids of at most 200 characters), Telegram callback data is 1-64 bytes, LINE's buttons template shows 4 actions
 * and 160 characters of text. docs/flows.md lists them per channel.
 */
public final class FlowLimits {

    public static final int MAX_FLOWS_PER_BOT = 200;
    public static final int MAX_STEPS = 20;
    public static final int MAX_KEYWORDS = 50;
    public static final int MAX_KEYWORD_LENGTH = 100;
    /** Long patterns are where pathological backtracking hides; 500 is ample for real keyword alternations. */
    public static final int MAX_PATTERN_LENGTH = 500;
    public static final int MAX_TEXT_LENGTH = 4096;
    public static final int MAX_BUTTONS = 13;
    public static final int MAX_BUTTON_LABEL_LENGTH = 20;
    public static final int MAX_POSTBACK_LENGTH = 300;
    public static final int MAX_URL_LENGTH = 2000;
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 1000;
    public static final int MAX_INSTRUCTION_LENGTH = 4000;
    /** Same shape as {@code {{contact.attributes.<key>}}} in {@code PersonaTemplate}, so every key can be rendered. */
    public static final String ATTRIBUTE_KEY_PATTERN = "[A-Za-z0-9_-]{1,64}";

    private FlowLimits() {
    }
}
