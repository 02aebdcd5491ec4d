package io.parley.api.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.SealedCredentials;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * The channels API's view of stored credentials: sealing and opening go through core's {@link SealedCredentials}
 * (one sealed JSON document per channel, shared with the pipeline); this adds the write-only hints.
 */
@Singleton
final class CredentialVault {

    private final SealedCredentials sealed;
    private final JsonMapper json;

    CredentialVault(SealedCredentials sealed, JsonMapper json) {
        this.sealed = sealed;
        this.json = json;
    }

    /** Null when there is nothing to keep (web channels). */
    @Nullable
    String seal(UUID tenantId, UUID channelId, ChannelCredentials credentials) {
        if (credentials.values().isEmpty()) {
            return null;
        }
        return sealed.seal(tenantId, channelId, credentials.values());
    }

    /** Throws {@link io.parley.core.secrets.SecretUnreadableException} when the encryption key no longer fits. */
    ChannelCredentials open(ChannelRow row) {
        return new ChannelCredentials(sealed.open(row));
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
}
