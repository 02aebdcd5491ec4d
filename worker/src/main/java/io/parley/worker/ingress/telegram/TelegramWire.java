package io.parley.worker.ingress.telegram;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The parts of a Telegram {@code Update} Parley reads (README §3.2; Bot API "Update", "Message",
 * "CallbackQuery", "ChatMemberUpdated"). An update carries at most one of the optional parts; unknown parts are
 * ignored. Ids are int64 (they exceed 32 bits).
 */
final class TelegramWire {

    private TelegramWire() {
    }

    @Serdeable
    record Update(@JsonProperty("update_id") @Nullable Long updateId, @Nullable Message message,
                  @JsonProperty("callback_query") @Nullable CallbackQuery callbackQuery,
                  @JsonProperty("my_chat_member") @Nullable ChatMemberUpdated myChatMember) {
    }

    @Serdeable
    record Message(@JsonProperty("message_id") @Nullable Long messageId, @Nullable User from, @Nullable Chat chat,
                   @Nullable Long date, @Nullable String text, @Nullable String caption,
                   @Nullable List<File> photo, @Nullable File sticker, @Nullable File voice, @Nullable File audio,
                   @Nullable File video, @Nullable File document, @Nullable Location location,
                   @JsonProperty("migrate_to_chat_id") @Nullable Long migrateToChatId,
                   @JsonProperty("migrate_from_chat_id") @Nullable Long migrateFromChatId) {
    }

    @Serdeable
    record User(@Nullable Long id, @JsonProperty("first_name") @Nullable String firstName,
                @JsonProperty("last_name") @Nullable String lastName, @Nullable String username,
                @JsonProperty("language_code") @Nullable String languageCode) {
    }

    @Serdeable
    record Chat(@Nullable Long id, @Nullable String type, @Nullable String title) {
    }

    /** PhotoSize, Sticker, Voice, Audio, Video and Document alike: the file id is what Parley keeps. */
    @Serdeable
    record File(@JsonProperty("file_id") @Nullable String fileId, @JsonProperty("mime_type") @Nullable String mimeType,
                @JsonProperty("file_name") @Nullable String fileName, @Nullable String emoji) {
    }

    @Serdeable
    record Location(@Nullable Double latitude, @Nullable Double longitude) {
    }

    @Serdeable
    record CallbackQuery(@Nullable String id, @Nullable User from, @Nullable Message message, @Nullable String data) {
    }

    @Serdeable
    record ChatMemberUpdated(@Nullable Chat chat, @Nullable User from, @Nullable Long date,
                             @JsonProperty("new_chat_member") @Nullable ChatMember newChatMember) {
    }

    @Serdeable
    record ChatMember(@Nullable String status) {
    }
}
