-- A tenant's privacy settings (docs/privacy.md "Retention"). Readable without a tenant scope (ids, a number of days
-- and dates only, like alert_tenants): the retention scheduler enqueues one job per row; written in the tenant's scope.
-- A row also exists for a tenant that erased a contact, so its tombstones are purged when they are old enough.
CREATE TABLE tenant_privacy (
    tenant_id               uuid        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    message_retention_days  integer     CHECK (message_retention_days BETWEEN 1 AND 3650),
    -- Closing (docs/privacy.md "Closing a tenant"): the tenant's data is deleted once delete_after has passed;
    -- paused_bots are the bots the closing paused, resumed by a reopening.
    closed_at               timestamptz,
    delete_after            timestamptz,
    paused_bots             uuid[]      NOT NULL DEFAULT '{}',
    CHECK ((closed_at IS NULL) = (delete_after IS NULL)),
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

-- Deletes every row of a tenant, run in the tenant's scope by the retention job once a closed tenant's grace has
-- passed: the tenant row first (most tables cascade from it or from its bots), then whatever has a tenant_id and no
-- cascade (inbound events, jobs, usage). Row-level security still applies to the second step: only the tenant's rows.
CREATE FUNCTION parley_delete_tenant(target uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    tbl text;
    total integer := 0;
    n integer;
BEGIN
    DELETE FROM tenants WHERE id = target;
    FOR tbl IN SELECT c.table_name FROM information_schema.columns c
               JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
               WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
               ORDER BY c.table_name LOOP
        EXECUTE format('DELETE FROM %I WHERE tenant_id = $1', tbl) USING target;
        GET DIAGNOSTICS n = ROW_COUNT;
        total := total + n;
    END LOOP;
    RETURN total;
END $$;
