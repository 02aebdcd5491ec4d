package io.parley.worker.ingress.whatsapp;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The parts of a WhatsApp Cloud API event notification Parley reads (shared/protocols README §2.2): every
 * {@code entry[].changes[].value} with its messages, statuses and asynchronous errors. Other fields are ignored.
 */
final class WhatsAppWire {

    private WhatsAppWire() {
    }

    @Serdeable
    record Notification(@Nullable String object, @Nullable List<Entry> entry) {
    }

    /** {@code time}: Unix seconds of a business-account change such as a template status update. */
    @Serdeable
    record Entry(@Nullable String id, @Nullable Long time, @Nullable List<Change> changes) {
    }

    @Serdeable
    record Change(@Nullable String field, @Nullable Value value) {
    }

    /**
     * A change's value: messages, statuses and errors (field {@code messages}), or a template's new status (field
     * {@code message_template_status_update}: event, message_template_id (a number), name, language, reason).
     */
    @Serdeable
    record Value(@Nullable Metadata metadata, @Nullable List<Contact> contacts, @Nullable List<Message> messages,
                 @Nullable List<Status> statuses, @Nullable List<Error> errors, @Nullable String event,
                 @JsonProperty("message_template_id") @Nullable Object messageTemplateId,
                 @JsonProperty("message_template_name") @Nullable String messageTemplateName,
                 @JsonProperty("message_template_language") @Nullable String messageTemplateLanguage,
                 @Nullable String reason) {
    }

    @Serdeable
    record Metadata(@JsonProperty("phone_number_id") @Nullable String phoneNumberId) {
    }

    @Serdeable
    record Contact(@Nullable Profile profile, @JsonProperty("wa_id") @Nullable String waId) {
    }

    @Serdeable
    record Profile(@Nullable String name) {
    }

    /** {@code timestamp} is a string of Unix seconds. */
    @Serdeable
    record Message(@Nullable String from, @Nullable String id, @Nullable String timestamp, @Nullable String type,
                   @Nullable Text text, @Nullable Interactive interactive, @Nullable Button button,
                   @Nullable Media image, @Nullable Media audio, @Nullable Media video, @Nullable Media document,
                   @Nullable Media sticker, @Nullable Location location, @Nullable Context context) {
    }

    @Serdeable
    record Text(@Nullable String body) {
    }

    @Serdeable
    record Interactive(@Nullable String type, @JsonProperty("button_reply") @Nullable Reply buttonReply,
                       @JsonProperty("list_reply") @Nullable Reply listReply) {
    }

    @Serdeable
    record Reply(@Nullable String id, @Nullable String title) {
    }

    /** A quick-reply button of a template message. */
    @Serdeable
    record Button(@Nullable String payload, @Nullable String text) {
    }

    @Serdeable
    record Media(@Nullable String id, @JsonProperty("mime_type") @Nullable String mimeType, @Nullable String caption,
                 @Nullable String filename) {
    }

    @Serdeable
    record Location(@Nullable Double latitude, @Nullable Double longitude, @Nullable String name,
                    @Nullable String address) {
    }

    @Serdeable
    record Context(@Nullable String id) {
    }

    @Serdeable
    record Status(@Nullable String id, @Nullable String status, @Nullable String timestamp,
                  @JsonProperty("recipient_id") @Nullable String recipientId, @Nullable List<Error> errors,
                  @JsonProperty("biz_opaque_callback_data") @Nullable String bizOpaqueCallbackData) {
    }

    @Serdeable
    record Error(@Nullable Integer code, @Nullable String title) {
    }
}
