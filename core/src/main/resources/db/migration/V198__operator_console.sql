-- The operator console (docs/operator-console.md): platform admins, the platform's own audit log, tenant suspensions
-- and the turns held while a tenant is suspended.

-- A transaction of the operator console says so with set_config('parley.platform', 'on', true) (TenantScope
-- .asPlatform). Like the queue's scope, it opens a few read-only windows across tenants (the tenants list, the
-- platform's health); everything else still needs the tenant's own scope.
CREATE FUNCTION parley_platform_scope() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce(current_setting('parley.platform', true), '') = 'on' $$;

-- Platform admins granted by the CLI (`java -jar parley.jar admin grant <email>`); those of the configuration
-- (parley.platform-admins) are not stored. Never written by any API.
CREATE TABLE platform_admins (
    email       text        PRIMARY KEY CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    granted_at  timestamptz NOT NULL DEFAULT now(),
    granted_by  text        NOT NULL
);
ALTER TABLE platform_admins ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_admins FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_admins_platform ON platform_admins USING (parley_platform_scope())
    WITH CHECK (parley_platform_scope());

-- What platform admins did. Not tenant-owned (the column is subject_tenant, not tenant_id): it outlives the tenants
-- it names, and a tenant's deletion (parley_delete_tenant) leaves it alone.
CREATE TABLE platform_audit_log (
    id              uuid        PRIMARY KEY,
    created_at      timestamptz NOT NULL DEFAULT now(),
    actor_user_id   uuid,
    actor_label     text        NOT NULL,
    ip              text,
    action          text        NOT NULL,
    subject_tenant  uuid,
    details         jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX platform_audit_log_time_idx ON platform_audit_log (created_at DESC);
ALTER TABLE platform_audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_audit_log_platform ON platform_audit_log USING (parley_platform_scope())
    WITH CHECK (parley_platform_scope());

-- A suspended tenant (one row while suspended; the history is in the audit logs). Readable without a scope (ids, a
-- reason and a time, like tenant_privacy): every worker keeps the set of suspended tenants in memory. Written only
-- by the console, in the tenant's scope and the platform's at once.
CREATE TABLE tenant_suspensions (
    tenant_id     uuid        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    reason        text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    suspended_at  timestamptz NOT NULL DEFAULT now(),
    suspended_by  text        NOT NULL
);
ALTER TABLE tenant_suspensions ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_suspensions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_suspensions_read ON tenant_suspensions FOR SELECT USING (true);
CREATE POLICY tenant_suspensions_insert ON tenant_suspensions FOR INSERT
    WITH CHECK (tenant_id = parley_current_tenant() AND parley_platform_scope());
-- A held turn locks the row FOR SHARE (which needs an UPDATE policy) so a resume cannot miss it; nothing updates it.
CREATE POLICY tenant_suspensions_lock ON tenant_suspensions FOR UPDATE
    USING (tenant_id = parley_current_tenant()) WITH CHECK (false);
CREATE POLICY tenant_suspensions_delete ON tenant_suspensions FOR DELETE
    USING (tenant_id = parley_current_tenant() AND parley_platform_scope());

-- Inbound turns not run because their tenant was suspended: the resume enqueues them again, in this order, on the
-- serial key their job had (the conversation's).
CREATE TABLE held_turns (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    event_id    uuid        NOT NULL,
    serial_key  text,
    held_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, event_id)
);
ALTER TABLE held_turns ENABLE ROW LEVEL SECURITY;
ALTER TABLE held_turns FORCE ROW LEVEL SECURITY;
CREATE POLICY held_turns_tenant ON held_turns USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- The console's read-only windows across tenants.
CREATE POLICY tenants_platform_read ON tenants FOR SELECT USING (parley_platform_scope());
CREATE POLICY memberships_platform_read ON memberships FOR SELECT USING (parley_platform_scope());
CREATE POLICY usage_counters_platform_read ON usage_counters FOR SELECT USING (parley_platform_scope());
CREATE POLICY tenant_billing_platform_read ON tenant_billing FOR SELECT USING (parley_platform_scope());
CREATE POLICY channels_platform_read ON channels FOR SELECT USING (parley_platform_scope());
CREATE POLICY bots_platform_read ON bots FOR SELECT USING (parley_platform_scope());
CREATE POLICY jobs_platform_read ON jobs FOR SELECT USING (parley_platform_scope());

CREATE INDEX tenants_created_idx ON tenants (created_at DESC, id DESC);
