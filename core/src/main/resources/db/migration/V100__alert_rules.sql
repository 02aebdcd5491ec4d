-- Alert rules a tenant sets (docs/notifications.md "Alert rules"): each kind has its own thresholds, the other
-- columns stay null. A rule fires through the notifications of V65, whose (tenant_id, dedup_key) unique key makes
-- each condition and period fire once, whichever worker evaluates it and however often.
CREATE TABLE alert_rules (
    tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id               uuid        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('llm_daily_cost', 'llm_failure_rate', 'handoff_waiting',
                                                          'credentials_rejected')),
    enabled          boolean     NOT NULL DEFAULT true,
    -- llm_daily_cost: the day's LLM cost (tenant's time zone) above this, in micro-units of the price table's money
    cost_micros      bigint      CHECK (cost_micros > 0),
    -- llm_failure_rate: failed calls above this share of the window's calls, once the window has min_calls calls
    failure_percent  integer     CHECK (failure_percent BETWEEN 1 AND 100),
    window_minutes   integer     CHECK (window_minutes BETWEEN 5 AND 1440),
    min_calls        integer     CHECK (min_calls BETWEEN 1 AND 100000),
    -- handoff_waiting: a hand-off without an agent's reply for longer than this
    wait_minutes     integer     CHECK (wait_minutes BETWEEN 1 AND 10080),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (kind <> 'llm_daily_cost' OR cost_micros IS NOT NULL),
    CHECK (kind <> 'llm_failure_rate' OR (failure_percent IS NOT NULL AND window_minutes IS NOT NULL
                                          AND min_calls IS NOT NULL)),
    CHECK (kind <> 'handoff_waiting' OR wait_minutes IS NOT NULL)
);
ALTER TABLE alert_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY alert_rules_tenant ON alert_rules USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- The tenants with at least one enabled rule: the periodic evaluation enqueues a job for each. Readable without a
-- tenant scope (ids only, like stripe_customers), written by the trigger below inside the tenant's scope.
CREATE TABLE alert_tenants (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE
);
ALTER TABLE alert_tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY alert_tenants_read ON alert_tenants FOR SELECT USING (true);
CREATE POLICY alert_tenants_insert ON alert_tenants FOR INSERT WITH CHECK (tenant_id = parley_current_tenant());
CREATE POLICY alert_tenants_delete ON alert_tenants FOR DELETE USING (tenant_id = parley_current_tenant());

CREATE FUNCTION alert_rules_track_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tenant uuid := coalesce(NEW.tenant_id, OLD.tenant_id);
BEGIN
    IF EXISTS (SELECT 1 FROM alert_rules WHERE tenant_id = tenant AND enabled) THEN
        INSERT INTO alert_tenants (tenant_id) VALUES (tenant) ON CONFLICT DO NOTHING;
    ELSE
        DELETE FROM alert_tenants WHERE tenant_id = tenant;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER alert_rules_track_tenant AFTER INSERT OR UPDATE OR DELETE ON alert_rules
    FOR EACH ROW EXECUTE FUNCTION alert_rules_track_tenant();
