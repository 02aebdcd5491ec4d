package io.parley.api.channel;

import io.micronaut.core.annotation.Nullable;
import io.parley.api.caller.Caller;
import io.parley.core.audit.AuditLog;
import io.parley.core.channel.BusinessHours;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.WebChannelSettings;
import io.parley.core.channel.WebSettingsCodec;
import io.parley.core.secrets.SecretUnreadableException;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A web chat channel's settings (docs/web-chat.md): their view, their merge patch, and the identity secret, which is
 * generated here, shown once and sealed with the channel's other credentials.
 */
@Singleton
final class WebSettings {

    /** "pis_" + 32 random bytes: a 256-bit HMAC key, as HS256 requires. */
    static final String SECRET_PREFIX = "pis_";

    private final WebSettingsCodec codec;
    private final TenantScope scope;
    private final ChannelRepository channels;
    private final CredentialVault vault;
    private final AuditLog audit;

    WebSettings(WebSettingsCodec codec, TenantScope scope, ChannelRepository channels, CredentialVault vault,
                AuditLog audit) {
        this.codec = codec;
        this.scope = scope;
        this.channels = channels;
        this.vault = vault;
        this.audit = audit;
    }

    WebSettingsWire.Settings view(ChannelRow row, Map<String, ChannelWire.CredentialHint> hints, String publicUrl) {
        WebChannelSettings settings = codec.of(row);
        return new WebSettingsWire.Settings(settings.allowedOrigins(), settings.identityRequired(),
                settings.messageLimit(), settings.offlineText(), settings.title(), settings.color(),
                settings.logoUrl(), wire(settings.businessHours()),
                settings.position() == null ? "right" : settings.position(), settings.greeting(),
                settings.language() == null ? "auto" : settings.language(),
                hints.containsKey(ChannelCredentials.IDENTITY_SECRET),
                publicUrl + "/c/" + row.widgetKey());
    }

    /** The settings document after the patch's {@code web} member; 400 on a bad origin, 409 when unsafe. */
    String patched(ChannelRow row, WebSettingsWire.Patch sent, MergePatch patch) {
        if (row.channelType() != ChannelType.WEB) {
            throw ProblemException.invalidField("web", "only web chat channels have web settings");
        }
        WebChannelSettings current = codec.of(row);
        List<String> origins = pick(patch, "allowedOrigins", sent.allowedOrigins(), current.allowedOrigins(),
                WebSettings::origins);
        Boolean requireIdentity = pick(patch, "requireIdentity", sent.requireIdentity(), current.requireIdentity(),
                Function.identity());
        if (Boolean.TRUE.equals(requireIdentity) && !current.identityRequired() && !hasSecret(row)) {
            throw ProblemException.conflict("Generate the channel's identity secret before requiring identity: no "
                    + "host site could sign in its users yet.");
        }
        return codec.write(new WebChannelSettings(origins, requireIdentity,
                pick(patch, "maxMessageLength", sent.maxMessageLength(), current.maxMessageLength(), Function.identity()),
                pick(patch, "offlineText", sent.offlineText(), current.offlineText(), WebSettings::blankToNull),
                pick(patch, "title", sent.title(), current.title(), WebSettings::blankToNull),
                pick(patch, "color", sent.color(), current.color(), color -> color.toLowerCase(java.util.Locale.ROOT)),
                pick(patch, "logoUrl", sent.logoUrl(), current.logoUrl(), WebSettings::blankToNull),
                patch.has("web.businessHours") ? checked(sent.businessHours()) : current.businessHours(),
                pick(patch, "position", sent.position(), current.position(), Function.identity()),
                pick(patch, "greeting", sent.greeting(), current.greeting(), WebSettings::blankToNull),
                pick(patch, "language", sent.language(), current.language(), Function.identity())));
    }

    /** Sent business hours, checked (400 on a bad zone, day or time); null removes them. */
    @Nullable
    private static BusinessHours checked(@Nullable WebSettingsWire.Hours sent) {
        if (sent == null) {
            return null;
        }
        Map<String, BusinessHours.Hours> days = new LinkedHashMap<>();
        sent.days().forEach((day, hours) -> days.put(day, new BusinessHours.Hours(hours.open(), hours.close())));
        BusinessHours hours = new BusinessHours(sent.timeZone(), days);
        hours.violation().ifPresent(broken -> {
            throw ProblemException.invalidField("web." + broken.getKey(), broken.getValue());
        });
        return hours;
    }

    @Nullable
    private static WebSettingsWire.Hours wire(@Nullable BusinessHours hours) {
        if (hours == null) {
            return null;
        }
        Map<String, WebSettingsWire.DayHours> days = new LinkedHashMap<>();
        BusinessHours.DAYS.stream().filter(hours.days()::containsKey).forEach(day -> days.put(day,
                new WebSettingsWire.DayHours(hours.days().get(day).open(), hours.days().get(day).close())));
        return new WebSettingsWire.Hours(hours.timeZone(), days);
    }

    /** A new identity secret for a web chat channel, returned once; the old one stops working. */
    WebSettingsWire.IdentitySecret rotate(Caller caller, ChannelRow seen) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        if (seen.channelType() != ChannelType.WEB) {
            throw ProblemException.conflict("Only web chat channels have an identity secret.");
        }
        String secret = SECRET_PREFIX + ChannelCredentials.randomToken(32);
        ChannelCredentials credentials = opened(seen).with(ChannelCredentials.IDENTITY_SECRET, secret);
        String sealed = vault.seal(tenant.value(), seen.id(), credentials);
        scope.writeVoid(tenant, () -> {
            channels.replaceGeneratedSecret(tenant.value(), seen.id(), sealed,
                    vault.hintsJson(credentials.hints(ChannelType.WEB)));
            audit.record(tenant, caller.actor(), "channel.identity_secret_rotated", "channel", seen.id().toString(),
                    Map.of("botId", seen.botId().toString()));
        });
        return new WebSettingsWire.IdentitySecret(secret);
    }

    private boolean hasSecret(ChannelRow row) {
        return opened(row).get(ChannelCredentials.IDENTITY_SECRET) != null;
    }

    /** Unreadable stored credentials (a rotated-away key) count as none: a web channel has nothing else. */
    private ChannelCredentials opened(ChannelRow row) {
        try {
            return vault.open(row);
        } catch (SecretUnreadableException e) {
            return new ChannelCredentials(Map.of());
        }
    }

    /** Merge patch of one member: absent keeps the current value, null restores the default, a value replaces. */
    @Nullable
    private static <T> T pick(MergePatch patch, String name, @Nullable T sent, @Nullable T current,
                              Function<T, T> normalize) {
        if (!patch.has("web." + name)) {
            return current;
        }
        return sent == null ? null : normalize.apply(sent);
    }

    private static List<String> origins(List<String> sent) {
        List<String> origins = new ArrayList<>();
        for (String text : sent) {
            String origin = WebChannelSettings.normalizedOrigin(text).orElseThrow(() -> ProblemException.invalidField(
                    "web.allowedOrigins", "must be origins like https://shop.example (scheme and host, no path)"));
            if (!origins.contains(origin)) {
                origins.add(origin);
            }
        }
        return origins;
    }

    @Nullable
    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
