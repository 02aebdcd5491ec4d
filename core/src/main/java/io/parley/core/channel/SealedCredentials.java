package io.parley.core.channel;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.secrets.SecretBox;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * Opens a channel's sealed credentials (one SecretBox-sealed JSON object of strings, as the channels API writes it)
 * for the code that calls the provider: senders, webhook signature checks. The SecretBox context names the tenant and
 * the channel, so a sealed document copied to another row does not open. Field names per type: line
 * {@code channelSecret, channelAccessToken}; whatsapp {@code phoneNumberId, accessToken, appSecret, verifyToken};
 * telegram {@code botToken, webhookSecret}; web none.
 */
@Requires(property = "parley.roles", notEquals = "migrate") // as SecretBox: the migration Job has no key
@Singleton
public final class SealedCredentials {

    private final SecretBox secrets;
    private final JsonMapper json;

    SealedCredentials(SecretBox secrets, JsonMapper json) {
        this.secrets = secrets;
        this.json = json;
    }

    /** The SecretBox context of a channel's credentials document. */
    public static String context(UUID tenantId, UUID channelId) {
        return "tenant:" + tenantId + "/channel:" + channelId + "/credentials";
    }

    /**
     * The credentials by field name (empty when nothing is sealed, e.g. web channels). Throws
     * {@link io.parley.core.secrets.SecretUnreadableException} when the encryption key no longer fits.
     */
    public Map<String, String> open(ChannelRow channel) {
        if (channel.credentialsSealed() == null) {
            return Map.of();
        }
        String document = secrets.open(channel.credentialsSealed(), context(channel.tenantId(), channel.id()));
        try {
            Map<String, String> values = json.readValue(document, Argument.mapOf(String.class, String.class));
            return values == null ? Map.of() : java.util.Collections.unmodifiableMap(values);
        } catch (IOException e) {
            // Not chained: the parser's message may quote the document, which holds the secrets.
            throw new IllegalStateException("sealed credentials of channel " + channel.id() + " are not a JSON object");
        }
    }

    /** Seals {@code values} for the channel (what the channels API stores; tests use it to make channels). */
    public String seal(UUID tenantId, UUID channelId, Map<String, String> values) {
        try {
            return secrets.seal(json.writeValueAsString(values), context(tenantId, channelId));
        } catch (IOException e) {
            throw new IllegalStateException("credentials of channel " + channelId + " are not serializable");
        }
    }
}
