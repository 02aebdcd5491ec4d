package io.parley.api.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.channel.ChannelRow;
import io.parley.core.secrets.SecretBox;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * Seals a channel's credentials as one JSON document and opens it again. The SecretBox context names the tenant
 * and the channel, so a sealed document copied to another row does not open.
 */
@Singleton
final class CredentialVault {

    private final SecretBox secrets;
    private final JsonMapper json;

    CredentialVault(SecretBox secrets, JsonMapper json) {
        this.secrets = secrets;
        this.json = json;
    }

    /** Null when there is nothing to keep (web channels). */
    @Nullable
    String seal(UUID tenantId, UUID channelId, ChannelCredentials credentials) {
        if (credentials.values().isEmpty()) {
            return null;
        }
        return secrets.seal(write(credentials.values()), context(tenantId, channelId));
    }

    /** Throws {@link io.parley.core.secrets.SecretUnreadableException} when the encryption key no longer fits. */
    ChannelCredentials open(ChannelRow row) {
        if (row.credentialsSealed() == null) {
            return new ChannelCredentials(Map.of());
        }
        String document = secrets.open(row.credentialsSealed(), context(row.tenantId(), row.id()));
        try {
            return new ChannelCredentials(json.readValue(document, Argument.mapOf(String.class, String.class)));
        } catch (IOException e) {
            // Not chained: the parser's message may quote the document, which holds the secrets.
            throw new IllegalStateException("sealed credentials of channel " + row.id() + " are not a JSON object");
        }
    }

    String hintsJson(Map<String, ChannelWire.CredentialHint> hints) {
        return write(hints);
    }

    Map<String, ChannelWire.CredentialHint> hints(ChannelRow row) {
        try {
            Map<String, ChannelWire.CredentialHint> hints = json.readValue(row.credentialHints(),
                    Argument.mapOf(Argument.STRING, Argument.of(ChannelWire.CredentialHint.class)));
            return hints == null ? Map.of() : hints;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String context(UUID tenantId, UUID channelId) {
        return "tenant:" + tenantId + "/channel:" + channelId + "/credentials";
    }
}
