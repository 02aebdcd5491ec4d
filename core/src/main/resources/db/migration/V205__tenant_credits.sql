-- Credit granted to a tenant by a platform admin (docs/operator-console.md, "Granting credit"): each grant is a Stripe
-- customer balance transaction (a negative amount = a credit applied to the tenant's next invoices). This is Parley's
-- record of who granted what and why; the balance itself is Stripe's. One row per grant, keyed by the idempotency key
-- the grant was sent to Stripe with, so a retried grant is stored (and credited) once.
CREATE TABLE tenant_credits (
    id                     uuid        PRIMARY KEY,
    tenant_id              uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    amount                 bigint      NOT NULL CHECK (amount > 0),
    currency               text        NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    reason                 text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    granted_by             text        NOT NULL,
    idempotency_key        text        NOT NULL,
    stripe_customer_id     text        NOT NULL,
    stripe_transaction_id  text        NOT NULL,
    ending_balance         bigint      NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX tenant_credits_tenant_idx ON tenant_credits (tenant_id, created_at DESC);
ALTER TABLE tenant_credits ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_credits FORCE ROW LEVEL SECURITY;
-- The tenant reads its grants (the billing page); only the operator console, in the tenant's scope and the platform's
-- at once, writes them.
CREATE POLICY tenant_credits_read ON tenant_credits FOR SELECT USING (tenant_id = parley_current_tenant());
CREATE POLICY tenant_credits_insert ON tenant_credits FOR INSERT
    WITH CHECK (tenant_id = parley_current_tenant() AND parley_platform_scope());
