package io.parley.core.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.secrets.SecretBox;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * A channel's credentials at rest: one SecretBox-sealed JSON object of strings (field names as in the channels API,
 * e.g. LINE {@code channelSecret}, WhatsApp {@code appSecret}/{@code verifyToken}, Telegram {@code webhookSecret}).
 * The SecretBox context names the tenant and the channel, so a document copied to another row (or another
 * tenant's channel) does not open. The pipeline (webhook ingress, outbound senders) opens them here; the api's
 * CredentialVault seals them with the same context.
 */
@Singleton
public final class SealedCredentials {

    private final SecretBox secrets;
    private final JsonMapper json;

    SealedCredentials(SecretBox secrets, JsonMapper json) {
        this.secrets = secrets;
        this.json = json;
    }

    /**
     * The channel's credentials; empty when none are stored (web chat). Throws
     * {@link io.parley.core.secrets.SecretUnreadableException} when the encryption key no longer fits.
     */
    public Map<String, String> open(ChannelRow row) {
        if (row.credentialsSealed() == null) {
            return Map.of();
        }
        String document = secrets.open(row.credentialsSealed(), context(row.tenantId(), row.id()));
        try {
            Map<String, String> values = json.readValue(document, Argument.mapOf(String.class, String.class));
            return values == null ? Map.of() : Map.copyOf(values);
        } catch (IOException e) {
            // Not chained: the parser's message may quote the document, which holds the secrets.
            throw new IllegalStateException("sealed credentials of channel " + row.id() + " are not a JSON object");
        }
    }

    /** Null when there is nothing to keep. */
    @Nullable
    public String seal(UUID tenantId, UUID channelId, Map<String, String> values) {
        if (values.isEmpty()) {
            return null;
        }
        try {
            return secrets.seal(json.writeValueAsString(values), context(tenantId, channelId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String context(UUID tenantId, UUID channelId) {
        return "tenant:" + tenantId + "/channel:" + channelId + "/credentials";
    }
}
