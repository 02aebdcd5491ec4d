package io.parley.api.channel;

import io.parley.api.caller.Caller;
import io.parley.core.audit.AuditLog;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.secrets.SecretUnreadableException;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verify action: checks a channel's stored credentials with its provider and records the verdict as the
 * channel's health. The provider is called between two short transactions, never inside one, so a slow provider
 * holds no database connection.
 */
@Singleton
final class ChannelVerifier {

    private final TenantScope scope;
    private final ChannelService channelService;
    private final ChannelRepository channels;
    private final CredentialVault vault;
    private final ChannelViews views;
    private final AuditLog audit;
    private final Map<ChannelType, ProviderCheck> checks = new EnumMap<>(ChannelType.class);

    ChannelVerifier(TenantScope scope, ChannelService channelService, ChannelRepository channels,
                    CredentialVault vault, ChannelViews views, AuditLog audit, List<ProviderCheck> checks) {
        this.scope = scope;
        this.channelService = channelService;
        this.channels = channels;
        this.vault = vault;
        this.views = views;
        this.audit = audit;
        checks.forEach(check -> this.checks.put(check.type(), check));
    }

    ChannelWire.VerifyResponse verify(Caller caller, String botId, String channelId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        ChannelRow seen = scope.read(tenant, () -> channelService.find(tenant, botId, channelId));
        ChannelType type = seen.channelType();
        ProviderCheck.Outcome outcome = check(seen);
        Instant checkedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String sealed = outcome.credentials() == null ? seen.credentialsSealed()
                : vault.seal(seen.tenantId(), seen.id(), outcome.credentials());
        String externalId = outcome.externalId() != null ? outcome.externalId() : seen.externalId();
        String status = outcome.healthy() ? "healthy" : "unhealthy";
        DuplicateAccount.refused(type, () -> scope.write(tenant, () -> {
            ChannelRow current = channelService.find(tenant, botId, channelId);
            if (!Objects.equals(current.credentialsSealed(), seen.credentialsSealed())) {
                throw ProblemException.conflict("The channel's credentials were changed while they were being "
                        + "checked; verify again.");
            }
            channels.recordCheck(tenant.value(), current.id(), status, outcome.detail(), checkedAt, externalId, sealed);
            audit.record(tenant, caller.actor(), "channel.verified", "channel", current.id().toString(),
                    Map.of("status", status));
            return null;
        }));
        return new ChannelWire.VerifyResponse(status, outcome.detail(), outcome.account(), checkedAt);
    }

    private ProviderCheck.Outcome check(ChannelRow row) {
        ChannelCredentials credentials;
        try {
            credentials = vault.open(row);
        } catch (SecretUnreadableException e) {
            return ProviderCheck.Outcome.unhealthy("The stored credentials cannot be decrypted (was "
                    + "PARLEY_ENCRYPTION_KEY changed without keeping the old key?). Enter them again.");
        }
        return checks.get(row.channelType()).check(new ProviderCheck.Subject(credentials, views.webhookUrl(row)));
    }
}
