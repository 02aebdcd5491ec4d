package io.parley.api.channel;

import io.micronaut.context.annotation.Value;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.secrets.SecretUnreadableException;
import jakarta.inject.Singleton;

import java.util.Map;

/** Builds channel responses: hints instead of secrets, and the addresses a tenant pastes elsewhere. */
@Singleton
final class ChannelViews {

    private final CredentialVault vault;
    private final WebSettings web;
    private final String publicUrl;

    ChannelViews(CredentialVault vault, WebSettings web, @Value("${parley.public-url}") String publicUrl) {
        this.vault = vault;
        this.web = web;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Where the provider posts this channel's events (served by the worker). */
    String webhookUrl(ChannelRow row) {
        return publicUrl + "/webhooks/" + row.type() + "/" + row.id();
    }

    ChannelWire.ChannelResponse toResponse(ChannelRow row) {
        ChannelType type = row.channelType();
        String embed = row.widgetKey() == null ? null : "<script src=\"" + publicUrl + "/widget.js\" "
                + "data-parley-widget=\"" + row.widgetKey() + "\" async></script>";
        Map<String, ChannelWire.CredentialHint> hints = vault.hints(row);
        return new ChannelWire.ChannelResponse(row.id().toString(), row.botId().toString(), row.type(), row.name(),
                webhookUrl(row), hints, row.externalId(),
                type == ChannelType.WHATSAPP ? verifyToken(row) : null, row.widgetKey(), embed, row.health(),
                row.healthDetail(), row.verifiedAt(), row.createdAt(), row.updatedAt(), row.testOnly(),
                type == ChannelType.WEB ? web.view(row, hints, publicUrl) : null);
    }

    /** Shown, not hidden: the tenant pastes it into Meta. Null if the key that sealed it is gone. */
    private String verifyToken(ChannelRow row) {
        try {
            return vault.open(row).get(ChannelCredentials.VERIFY_TOKEN);
        } catch (SecretUnreadableException e) {
            return null;
        }
    }
}
