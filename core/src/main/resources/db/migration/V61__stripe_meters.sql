-- Metered usage reported to Stripe Billing Meters (docs/billing.md "Metered usage: Stripe meters").
--
-- One row per tenant, meter (its event_name) and UTC hour of the usage ledger with usage in it. The value is frozen
-- when the row is first written, and the identifier is derived from (tenant, meter, hour): a retried report sends the
-- same event with the same identifier, which Stripe de-duplicates, so a retry never bills twice. reported_at is set
-- once Stripe accepted it.
CREATE TABLE meter_reports (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    event_name   text        NOT NULL,
    bucket_start timestamptz NOT NULL,
    value        bigint      NOT NULL CHECK (value > 0),
    identifier   text        NOT NULL,
    customer_id  text        NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    reported_at  timestamptz,
    PRIMARY KEY (tenant_id, event_name, bucket_start)
);
CREATE INDEX meter_reports_pending_idx ON meter_reports (tenant_id, bucket_start) WHERE reported_at IS NULL;
ALTER TABLE meter_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE meter_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY meter_reports_tenant ON meter_reports USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- The last comparison of the ledger with Stripe's meter event summaries, per tenant and meter: drift = ledger - Stripe
-- over the same closed hours of the billing period.
CREATE TABLE meter_reconciliations (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    event_name   text        NOT NULL,
    window_start timestamptz NOT NULL,
    window_end   timestamptz NOT NULL,
    ledger_value bigint      NOT NULL,
    stripe_value bigint      NOT NULL,
    drift        bigint      NOT NULL,
    checked_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, event_name)
);
ALTER TABLE meter_reconciliations ENABLE ROW LEVEL SECURITY;
ALTER TABLE meter_reconciliations FORCE ROW LEVEL SECURITY;
CREATE POLICY meter_reconciliations_tenant ON meter_reconciliations USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
