package io.parley.worker.turn;

import io.parley.core.alert.CredentialAlerts;
import io.parley.core.bot.BotRow;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.llm.LlmFailure;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Tells the tenant's {@code credentials_rejected} alert rules when the LLM provider refused the bot's key (401), in
 * a short transaction of its own: the turn answers with its fallback whether or not the alert could be stored.
 */
@Singleton
final class LlmKeyAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(LlmKeyAlerts.class);

    private final TenantScope scope;
    private final CredentialAlerts alerts;

    LlmKeyAlerts(TenantScope scope, CredentialAlerts alerts) {
        this.scope = scope;
        this.alerts = alerts;
    }

    void failed(TenantId tenant, BotRow bot, LlmFailure failure) {
        if (!failure.credentialsRejected()) {
            return;
        }
        try {
            scope.writeVoid(tenant, () -> alerts.llmRejected(tenant, bot.id(), bot.name(), Instant.now()));
        } catch (RuntimeException e) {
            LOG.warn("Could not raise the LLM key alert for bot {} ({})", bot.id(), e.getClass().getSimpleName());
        }
    }
}
