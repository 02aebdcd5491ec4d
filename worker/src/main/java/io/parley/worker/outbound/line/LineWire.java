package io.parley.worker.outbound.line;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.flow.Step;
import io.parley.worker.outbound.OutboundMessage;

import java.util.List;

/**
 * LINE Messaging API request bodies (https://developers.line.biz/en/reference/messaging-api/), and how an
 * {@link OutboundMessage} becomes a LINE message object: text (≤ 5,000 characters), text with quick-reply postback
 * buttons (≤ 13 items, labels ≤ 20 characters), an image, or a Flex message for cards, lists, link buttons and carousels
 * ({@link LineFlex}).
 */
final class LineWire {

    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_LABEL = 20;

    private LineWire() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reply(String replyToken, List<Message> messages, boolean notificationDisabled) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Push(String to, List<Message> messages) {
    }

    @Serdeable
    record Loading(String chatId, int loadingSeconds) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(String type, @Nullable String text, @Nullable String originalContentUrl,
                   @Nullable String previewImageUrl, @Nullable QuickReply quickReply, @Nullable String altText,
                   @Nullable Object contents) {

        @io.micronaut.core.annotation.Creator
        Message {
        }

        Message(String type, @Nullable String text, @Nullable String originalContentUrl,
                @Nullable String previewImageUrl, @Nullable QuickReply quickReply) {
            this(type, text, originalContentUrl, previewImageUrl, quickReply, null, null);
        }
    }

    @Serdeable
    record QuickReply(List<Item> items) {
    }

    @Serdeable
    record Item(String type, Action action) {
    }

    /** A postback action: {@code data} comes back in a postback event; {@code displayText} appears as the user's. */
    @Serdeable
    record Action(String type, String label, String data, String displayText) {
    }

    /** Buttons become quick replies on LINE whatever their style: they carry postback data and need no template. */
    static Message render(OutboundMessage message) {
        return switch (message.kind()) {
            case TEXT -> new Message("text", message.text(), null, null, null);
            case IMAGE -> new Message("image", null, message.imageUrl(), message.previewUrl(), null);
            case BUTTONS -> new Message("text", message.text(), null, null, new QuickReply(
                    message.buttons().stream().limit(MAX_QUICK_REPLIES).map(LineWire::item).toList()));
            case CARD, LIST, LINK, CAROUSEL -> LineFlex.render(message);
        };
    }

    private static Item item(Step.Button button) {
        return new Item("action", new Action("postback", shorten(button.label()), button.postback(), button.label()));
    }

    private static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }
}
