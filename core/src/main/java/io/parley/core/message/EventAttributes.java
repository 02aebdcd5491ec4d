package io.parley.core.message;

/**
 * Keys of {@link InboundEvent#attributes()}: what a provider tells beyond the channel-neutral fields. Values are
 * strings; absent keys mean "not said". Only the ingress mappers write them; the turn and the senders read them.
 */
public final class EventAttributes {

    /** "true": LINE {@code mode: standby} — another module owns the chat; store the event, never answer it. */
    public static final String STANDBY = "standby";
    /** "true": the provider says this is a redelivery (LINE {@code deliveryContext.isRedelivery}). */
    public static final String REDELIVERY = "redelivery";
    /** "true": a follow that undoes a block (LINE {@code follow.isUnblocked}, Telegram my_chat_member → member). */
    public static final String UNBLOCKED = "unblocked";
    /** The provider's own event or message type, e.g. "beacon", "reaction"; always set on UNKNOWN events. */
    public static final String PROVIDER_TYPE = "providerType";
    /** LINE source type: user, group or room; with {@link #GROUP_ID} / {@link #ROOM_ID} for pushes to the chat. */
    public static final String SOURCE_TYPE = "sourceType";
    public static final String GROUP_ID = "groupId";
    public static final String ROOM_ID = "roomId";
    /**
     * In a group chat (LINE group or room, Telegram group or supergroup), the member who wrote: LINE userId, Telegram
     * user id. The event's {@code externalUserId} is then the group's id, because the group is the conversation: its
     * messages are answered in order, one at a time, and replies and pushes go to the group.
     */
    public static final String SPEAKER_ID = "speakerId";
    /**
     * Telegram: the group's former chat id, on the service messages that announce its upgrade to a supergroup
     * ({@code migrate_to_chat_id} in the old chat, {@code migrate_from_chat_id} in the new one). The event's
     * {@code externalUserId} is the new id: the conversation follows the group there.
     */
    public static final String MIGRATED_FROM_CHAT = "migratedFromChat";
    /** LINE quote token of a text message (to quote it in a reply). */
    public static final String QUOTE_TOKEN = "quoteToken";
    /** Telegram chat id to send to (differs from the user id in groups). */
    public static final String CHAT_ID = "chatId";
    /** Telegram callback query id, to answer with answerCallbackQuery (stops the client's spinner). */
    public static final String CALLBACK_QUERY_ID = "callbackQueryId";
    /** Telegram deep-link payload of "/start &lt;parameter&gt;". */
    public static final String START_PARAMETER = "startParameter";
    public static final String USERNAME = "username";
    public static final String LANGUAGE = "language";
    /** WhatsApp: the business number that received the message (metadata.phone_number_id). */
    public static final String PHONE_NUMBER_ID = "phoneNumberId";
    /** The provider id of the message this one replies to or whose button was tapped (WhatsApp context.id). */
    public static final String CONTEXT_MESSAGE_ID = "contextMessageId";
    public static final String MIME_TYPE = "mimeType";
    public static final String FILE_NAME = "fileName";
    /** Stickers: LINE packageId/stickerId/keywords (comma separated); Telegram emoji. */
    public static final String STICKER_PACKAGE_ID = "stickerPackageId";
    public static final String STICKER_ID = "stickerId";
    public static final String STICKER_KEYWORDS = "stickerKeywords";
    public static final String EMOJI = "emoji";
    /** Locations. */
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    public static final String ADDRESS = "address";
    /** Prefix of postback parameters, e.g. "param.datetime" (LINE date/time pickers). */
    public static final String PARAM_PREFIX = "param.";

    private EventAttributes() {
    }
}
