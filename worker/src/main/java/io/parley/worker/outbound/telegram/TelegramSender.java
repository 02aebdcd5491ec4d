package io.parley.worker.outbound.telegram;

import io.parley.core.channel.ProviderApi;
import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.worker.outbound.ChannelSender;
import io.parley.worker.outbound.OutboundBatch;
import io.parley.worker.outbound.ProviderHttp;
import io.parley.worker.outbound.SendFailure;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Telegram: one sendMessage (or sendPhoto) per message to the contact's chat: a user's private chat (whose id is the
 * user's id) or a group's (its id is the group contact's). A send to a group that became a supergroup is repeated to
 * the new chat id Telegram names in its 400 answer. The provider id is {@code "<chat id>:<message_id>"}, since
 * Telegram numbers messages per chat. Errors are told apart by {@code error_code} and {@code parameters}, not by
 * their description (https://core.telegram.org/bots/api#making-requests).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class TelegramSender implements ChannelSender {

    static final String BOT_TOKEN = "botToken";

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;

    TelegramSender(ProviderHttp http, ProviderEndpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    @Override
    public ChannelType type() {
        return ChannelType.TELEGRAM;
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    /** callback_data: 1-64 bytes. */
    @Override
    public int maxPostbackBytes() {
        return 64;
    }

    @Override
    public List<String> send(OutboundBatch batch) throws SendFailure {
        long chatId = chatId(batch.recipient());
        ProviderApi.Answer answer = call(batch, chatId);
        if (answer.value("parameters", "migrate_to_chat_id") instanceof Number movedTo) {
            // The group became a supergroup with a new id; the update saying so moves the conversation there
            // (TelegramEvents), but this send raced it: resend to the new id, so the message is not lost.
            chatId = movedTo.longValue();
            answer = call(batch, chatId);
        }
        if (!answer.ok() || !Boolean.TRUE.equals(answer.value("ok"))) {
            throw failure(answer);
        }
        long messageId = answer.number("result", "message_id");
        return Collections.singletonList(messageId < 0 ? null : chatId + ":" + messageId);
    }

    private ProviderApi.Answer call(OutboundBatch batch, long chatId) throws SendFailure {
        TelegramWire.Call call = TelegramWire.render(chatId, batch.messages().getFirst());
        return http.post(ChannelType.TELEGRAM, uri(endpoints, batch.credential(BOT_TOKEN), call.method()), call.body(),
                Map.of());
    }

    /** The token is part of the path: this URI must never be logged. */
    static URI uri(ProviderEndpoints endpoints, String token, String method) {
        return URI.create(endpoints.telegramApiUrl() + "/bot" + token + "/" + method);
    }

    static long chatId(String recipient) throws SendFailure.Undeliverable {
        try {
            return Long.parseLong(recipient);
        } catch (NumberFormatException e) {
            throw new SendFailure.Undeliverable("the contact's Telegram id is not a chat id");
        }
    }

    private static SendFailure failure(ProviderApi.Answer answer) {
        long code = answer.number("error_code");
        String message = "Telegram error " + (code < 0 ? answer.status() : code) + ": "
                + (answer.text("description") == null ? "no description" : answer.text("description"));
        return switch ((int) (code < 0 ? answer.status() : code)) {
            case 429 -> new SendFailure.RateLimited(Duration.ofSeconds(Math.max(1, answer.number("parameters",
                    "retry_after"))), message);
            case 401 -> new SendFailure.CredentialsRejected(message
                    + ". Save the bot's current token from @BotFather in the channel.");
            case 403 -> new SendFailure.RecipientBlocked(message);
            default -> new SendFailure.Undeliverable(message);
        };
    }
}
