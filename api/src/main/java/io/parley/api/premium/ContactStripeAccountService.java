package io.parley.api.premium;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.parley.api.caller.Caller;
import io.parley.core.ServerRoles;
import io.parley.core.audit.AuditLog;
import io.parley.core.premium.ContactPremiumRepository;
import io.parley.core.premium.ContactStripeAccountRow;
import io.parley.core.premium.ContactStripeAccounts;
import io.parley.core.premium.ContactStripeGateway;
import io.parley.core.premium.StripeKeyRejectedException;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tenant's own Stripe account (owners and admins): the key is checked against Stripe before it is stored
 * (400 when Stripe refuses it, 502 when Stripe cannot be reached), then both secrets are sealed; answers carry only
 * whether it is configured, the key's last 4 characters and the webhook URL to register.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
class ContactStripeAccountService {

    private final TenantScope scope;
    private final ContactPremiumRepository premium;
    private final ContactStripeAccounts accounts;
    private final ContactStripeGateway stripe;
    private final AuditLog audit;
    private final String publicUrl;

    ContactStripeAccountService(TenantScope scope, ContactPremiumRepository premium, ContactStripeAccounts accounts,
                                ContactStripeGateway stripe, AuditLog audit,
                                @Value("${parley.public-url}") String publicUrl) {
        this.scope = scope;
        this.premium = premium;
        this.accounts = accounts;
        this.stripe = stripe;
        this.audit = audit;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    PremiumWire.AccountResponse get(Caller caller) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.read(tenant, () -> view(tenant, premium.account(tenant.value()).orElse(null)));
    }

    PremiumWire.AccountResponse connect(Caller caller, PremiumWire.AccountRequest request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        String key = request.secretKey().trim();
        if (!key.matches("(sk|rk)_(test|live)_\\S+")) {
            throw ProblemException.invalidField("secretKey", "must be a Stripe secret key (sk_…) or restricted key "
                    + "(rk_…)");
        }
        String returnUrl = returnUrl(request.returnUrl());
        try {
            stripe.verifyKey(key); // outside any transaction: a slow Stripe holds no connection
        } catch (StripeKeyRejectedException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        boolean livemode = key.contains("_live_");
        return scope.write(tenant, () -> {
            boolean replacing = premium.account(tenant.value()).isPresent();
            premium.saveAccount(tenant.value(), accounts.sealKey(tenant, key), key.substring(key.length() - 4),
                    livemode, accounts.sealWebhookSecret(tenant, request.webhookSecret().trim()), returnUrl);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("livemode", livemode);
            details.put("replaced", replacing);
            audit.record(tenant, caller.actor(), "premium.stripe.connected", "tenant", tenant.toString(), details);
            return view(tenant, premium.account(tenant.value()).orElseThrow());
        });
    }

    void disconnect(Caller caller) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            if (premium.deleteAccount(tenant.value()) == 0) {
                throw ProblemException.notFound("Stripe account");
            }
            audit.record(tenant, caller.actor(), "premium.stripe.disconnected", "tenant", tenant.toString(), Map.of());
        });
    }

    private PremiumWire.AccountResponse view(TenantId tenant, ContactStripeAccountRow row) {
        String webhookUrl = publicUrl + "/webhooks/stripe/" + tenant;
        if (row == null) {
            return new PremiumWire.AccountResponse(false, null, null, webhookUrl, null, null);
        }
        return new PremiumWire.AccountResponse(true, row.secretKeyLast4(), row.livemode(), webhookUrl,
                row.returnUrl(), row.updatedAt());
    }

    private static String returnUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(value.trim());
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("returnUrl", "must be an http(s) URL");
        }
    }
}
