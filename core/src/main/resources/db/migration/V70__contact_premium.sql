-- Premium tiers that a tenant sells to its own contacts through its own Stripe account (docs/billing.md, "Premium
-- tiers for your contacts"). Every table is tenant-owned with row-level security; the tenant's Stripe webhook names
-- its tenant in the URL, so nothing here is read without a tenant scope.

-- The tenant's Stripe account: its secret (or restricted) key and its webhook signing secret, both sealed with
-- SecretBox (context names the tenant) and never returned; the key's last 4 characters are the only hint shown.
CREATE TABLE contact_stripe_accounts (
    tenant_id             uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    secret_key_sealed     text        NOT NULL,
    secret_key_last4      text        NOT NULL,
    livemode              boolean     NOT NULL,
    webhook_secret_sealed text        NOT NULL,
    return_url            text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE contact_stripe_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_stripe_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY contact_stripe_accounts_tenant ON contact_stripe_accounts USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- What a tenant sells: a Stripe recurring price of its account and the contact tier a paid subscription gives.
CREATE TABLE contact_offers (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id              uuid        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    stripe_price_id text        NOT NULL CHECK (length(stripe_price_id) BETWEEN 1 AND 255),
    tier            text        NOT NULL CHECK (tier ~ '^[a-z0-9_-]{1,40}$'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, stripe_price_id)
);
ALTER TABLE contact_offers ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_offers FORCE ROW LEVEL SECURITY;
CREATE POLICY contact_offers_tenant ON contact_offers USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- A contact's subscription in the tenant's Stripe account, as last read from Stripe. tier_before is the contact's
-- tier when the subscription first gave its tier, restored when it ends (unless someone changed the tier since).
-- offer_id is kept when the offer is deleted (SET NULL would need a composite action; the offer is looked up).
CREATE TABLE contact_subscriptions (
    tenant_id              uuid        NOT NULL,
    stripe_subscription_id text        NOT NULL,
    contact_id             uuid        NOT NULL,
    offer_id               uuid,
    stripe_customer_id     text,
    status                 text        NOT NULL,
    tier                   text,
    tier_before            text,
    current_period_end     timestamptz,
    cancel_at_period_end   boolean     NOT NULL DEFAULT false,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, stripe_subscription_id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_subscriptions_contact_idx ON contact_subscriptions (tenant_id, contact_id);
ALTER TABLE contact_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY contact_subscriptions_tenant ON contact_subscriptions USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- Every event of a tenant's Stripe webhook, stored by (tenant, event id) before the webhook answers 200: a
-- redelivery inserts and enqueues nothing, and an event id of one tenant's account never collides with another's.
CREATE TABLE contact_stripe_events (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id           text        NOT NULL,
    type         text        NOT NULL,
    subscription text,
    contact_hint text,
    created      timestamptz NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz,
    PRIMARY KEY (tenant_id, id)
);
ALTER TABLE contact_stripe_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_stripe_events FORCE ROW LEVEL SECURITY;
CREATE POLICY contact_stripe_events_tenant ON contact_stripe_events USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
