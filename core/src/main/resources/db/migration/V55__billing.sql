-- Billing with Stripe (docs/billing.md).
--
-- Plans become configuration (parley.plans.*): the plans table is now a projection of it, rewritten at every
-- start by PlanCatalogSync, so the SQL that enforces limits (joins on plans) and the tenants.plan foreign key stay
-- as they were. A plan dropped from the configuration is kept (tenants may still be on it) but no longer listed.
ALTER TABLE plans
    ADD COLUMN max_members         integer,
    ADD COLUMN monthly_price_cents bigint  NOT NULL DEFAULT 0,
    ADD COLUMN currency            text    NOT NULL DEFAULT 'usd',
    ADD COLUMN stripe_price_ids    text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN features            text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN listed              boolean NOT NULL DEFAULT true;

-- A tenant's subscription as last read from Stripe (or its no-card trial, which has no Stripe subscription).
-- tenants.plan stays the tenant's base plan (Free unless an operator assigned another); the plan in force is
-- tenant_plan_id() below, so a lapsed trial or an expired grace period needs no job to take effect.
CREATE TABLE tenant_billing (
    tenant_id              uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    stripe_customer_id     text UNIQUE,
    stripe_subscription_id text,
    plan_id                text REFERENCES plans (id),
    status                 text CHECK (status IN ('trialing', 'active', 'past_due', 'canceled', 'unpaid',
                                                  'incomplete', 'incomplete_expired', 'paused')),
    current_period_start   timestamptz,
    current_period_end     timestamptz,
    trial_ends_at          timestamptz,
    cancel_at_period_end   boolean     NOT NULL DEFAULT false,
    past_due_since         timestamptz,
    grace_ends_at          timestamptz,
    updated_at             timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tenant_billing ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_billing FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_billing_tenant ON tenant_billing USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- Stripe customer -> tenant, read by the Stripe webhook before it knows the tenant (like channel_routes): the key
-- is Stripe's id, the row holds nothing else; writes need the tenant's scope.
CREATE TABLE stripe_customers (
    customer_id text PRIMARY KEY,
    tenant_id   uuid NOT NULL UNIQUE REFERENCES tenants (id) ON DELETE CASCADE
);
ALTER TABLE stripe_customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_customers FORCE ROW LEVEL SECURITY;
CREATE POLICY stripe_customers_read ON stripe_customers FOR SELECT USING (true);
CREATE POLICY stripe_customers_insert ON stripe_customers FOR INSERT WITH CHECK (tenant_id = parley_current_tenant());
CREATE POLICY stripe_customers_delete ON stripe_customers FOR DELETE USING (tenant_id = parley_current_tenant());

-- Every Stripe event for a known customer, stored before the webhook answers 200; the event id is the key, so a
-- redelivery inserts nothing and enqueues nothing (HOUSE-STYLE 4 and 5).
CREATE TABLE stripe_events (
    id           text PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    type         text        NOT NULL,
    object_id    text,
    created      timestamptz NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz
);
CREATE INDEX stripe_events_tenant_idx ON stripe_events (tenant_id, created);
ALTER TABLE stripe_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_events FORCE ROW LEVEL SECURITY;
CREATE POLICY stripe_events_tenant ON stripe_events USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- The plan in force for a tenant: the subscribed (or trial) plan while the subscription is active, trialing
-- before its trial end, or past due inside its grace period; otherwise the base plan. Runs as the caller (row-level
-- security applies), so it answers only inside the tenant's scope.
CREATE FUNCTION tenant_plan_id(tenant uuid) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN b.plan_id IS NOT NULL AND (b.status = 'active'
            OR (b.status = 'trialing' AND (b.trial_ends_at IS NULL OR b.trial_ends_at > now()))
            OR (b.status = 'past_due' AND b.grace_ends_at > now()))
        THEN b.plan_id ELSE t.plan END
    FROM tenants t LEFT JOIN tenant_billing b ON b.tenant_id = t.id
    WHERE t.id = tenant
$$;
