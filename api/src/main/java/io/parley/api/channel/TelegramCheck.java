package io.parley.api.channel;

import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderApi;
import io.parley.core.channel.ProviderEndpoints;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Telegram: {@code getMe} proves the bot token, then {@code setWebhook} points the bot at the channel's webhook URL
 * with a {@code secret_token} that Telegram echoes in X-Telegram-Bot-Api-Secret-Token on every update
 * (https://core.telegram.org/bots/api#setwebhook). The secret is kept in the sealed credentials for the worker to
 * compare; an existing one is reused so updates already in flight still pass.
 */
@Singleton
final class TelegramCheck implements ProviderCheck {

    /** Messages, button taps, and block/unblock (the LINE follow/unfollow analog). */
    private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member");

    private final ProviderClient client;
    private final ProviderEndpoints endpoints;

    TelegramCheck(ProviderClient client, ProviderEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public ChannelType type() {
        return ChannelType.TELEGRAM;
    }

    @Override
    public Outcome check(Subject subject) {
        ProviderApi.Answer me = client.get(ChannelType.TELEGRAM, method(subject, "getMe"), null);
        if (me.status() == 401 || me.status() == 404) {
            return Outcome.unhealthy("Telegram rejected the bot token (" + me.status() + "). Copy the token again "
                    + "from @BotFather (/mybots → API Token) and save it here.");
        }
        String botId = me.text("result", "id");
        if (!"true".equals(me.text("ok")) || botId == null) {
            return Outcome.unhealthy("Telegram refused getMe (" + me.status() + "): "
                    + ProviderCheck.quoted(me.text("description")));
        }
        String existing = subject.credentials().get(ChannelCredentials.WEBHOOK_SECRET);
        String secret = existing != null ? existing : ChannelCredentials.randomToken(32);
        ProviderApi.Answer webhook = client.postJson(ChannelType.TELEGRAM, method(subject, "setWebhook"),
                Map.of("url", subject.webhookUrl(), "secret_token", secret, "allowed_updates", ALLOWED_UPDATES,
                        "max_connections", 40));
        if (!"true".equals(webhook.text("ok"))) {
            return Outcome.unhealthy("Telegram refused the webhook URL " + subject.webhookUrl() + " ("
                    + webhook.status() + "): " + ProviderCheck.quoted(webhook.text("description"))
                    + ". Telegram needs a public HTTPS address on port 443, 80, 88 or 8443 (PARLEY_PUBLIC_URL).");
        }
        String username = me.text("result", "username");
        String handle = username == null ? null : "@" + username;
        return Outcome.healthy("Connected to the Telegram bot " + (handle == null ? botId : handle)
                        + "; its webhook now points at Parley.",
                new ChannelWire.Account(botId, me.text("result", "first_name"), handle), botId)
                .storing(subject.credentials().with(ChannelCredentials.WEBHOOK_SECRET, secret));
    }

    /** The token is part of the path (https://core.telegram.org/bots/api#making-requests): never log this URI. */
    private URI method(Subject subject, String name) {
        return URI.create(endpoints.telegramApiUrl() + "/bot" + subject.credentials().get("botToken") + "/" + name);
    }
}
