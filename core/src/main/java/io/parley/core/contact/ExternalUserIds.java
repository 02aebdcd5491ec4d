package io.parley.core.contact;

import io.parley.core.channel.ChannelType;

import java.util.regex.Pattern;

/**
 * The provider's user id a contact is created with, checked and put in the form the webhooks deliver, so a later
 * message from that user finds the same identity:
 * <ul>
 *   <li>LINE: the {@code userId} of the channel's provider, {@code U} + 32 hex digits
 *       (https://developers.line.biz/en/docs/messaging-api/getting-user-ids/);</li>
 *   <li>WhatsApp: the phone number in E.164 ({@code +886912345678}), stored as the Cloud API's {@code wa_id}, the
 *       digits without {@code +} (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components);</li>
 *   <li>Telegram: the chat id the bot writes to (a user's id, negative for groups), at most 52 bits.</li>
 * </ul>
 * Web chat identities are session ids the widget makes; they cannot be created.
 */
public final class ExternalUserIds {

    private static final Pattern LINE = Pattern.compile("U[0-9a-f]{32}");
    private static final Pattern E164 = Pattern.compile("\\+?[1-9][0-9]{6,14}");
    private static final Pattern TELEGRAM = Pattern.compile("-?[1-9][0-9]{0,15}");

    private ExternalUserIds() {
    }

    /**
     * The stored form of {@code raw} on a channel of {@code type}.
     *
     * @throws IllegalArgumentException with a message for {@code errors[].message}
     */
    public static String normalize(ChannelType type, String raw) {
        String id = raw == null ? "" : raw.strip();
        return switch (type) {
            case LINE -> require(LINE.matcher(id).matches(), id, "must be a LINE user id (U followed by 32 hex digits)");
            case WHATSAPP -> require(E164.matcher(id.replace(" ", "").replace("-", "")).matches(),
                    id.replace(" ", "").replace("-", "").replace("+", ""),
                    "must be a phone number in E.164 format, e.g. +886912345678");
            case TELEGRAM -> require(TELEGRAM.matcher(id).matches(), id, "must be a Telegram chat id (an integer)");
            case WEB -> throw new IllegalArgumentException("web chat contacts cannot be created; they start a chat");
        };
    }

    private static String require(boolean valid, String value, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }
}
