-- A tenant's privacy settings (docs/privacy.md "Retention"). Readable without a tenant scope (ids, a number of days
-- and dates only, like alert_tenants): the retention scheduler enqueues one job per row; written in the tenant's scope.
-- A row also exists for a tenant that erased a contact, so its tombstones are purged when they are old enough.
CREATE TABLE tenant_privacy (
    tenant_id               uuid        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    message_retention_days  integer     CHECK (message_retention_days BETWEEN 1 AND 3650),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tenant_privacy ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_privacy FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_privacy_read ON tenant_privacy FOR SELECT USING (true);
CREATE POLICY tenant_privacy_insert ON tenant_privacy FOR INSERT WITH CHECK (tenant_id = parley_current_tenant());
CREATE POLICY tenant_privacy_update ON tenant_privacy FOR UPDATE USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- The retention job deletes old messages by creation time, tenant by tenant.
CREATE INDEX IF NOT EXISTS messages_age_idx ON messages (tenant_id, created_at);
CREATE INDEX IF NOT EXISTS inbound_events_age_idx ON inbound_events (tenant_id, received_at);
