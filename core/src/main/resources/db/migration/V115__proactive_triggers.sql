-- Proactive triggers (docs/flows.md "Proactive triggers"): flows that start without an inbound message.

ALTER TABLE flows DROP CONSTRAINT flows_trigger_type_check;
ALTER TABLE flows ADD CONSTRAINT flows_trigger_type_check
    CHECK (trigger_type IN ('keyword', 'regex', 'postback', 'follow', 'fallback', 'gate',
                            'setup_submitted', 'contact_created', 'inactive', 'schedule'));

-- One row per (flow, contact, occurrence): the row is the "exactly once". It is inserted (ON CONFLICT DO NOTHING)
-- in the same transaction as the trigger.run job that sends it, so a second scan, a second worker or a re-run
-- finds the row and enqueues nothing. occurrence: 'once' (setup_submitted, contact_created), 'inactive:<conversation
-- id>:<last inbound, epoch microseconds>' (one per inactivity spell; the next inbound message starts a new spell),
-- 'schedule:<local date-time>' (one per cron or date occurrence, keyed in the tenant's zone so a fall-back hour sends once).
-- status: queued (its job will run), sent (its messages were queued for the channel: message_id is the first, whose
-- delivery status the API shows), skipped (reason: opted_out, blocked, taken_over, bot_paused, no_channel, quota,
-- budget, nothing_to_send, flow_disabled), failed (reason: what went wrong, e.g. llm_failed).
CREATE TABLE trigger_runs (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    flow_id          uuid        NOT NULL,
    bot_id           uuid        NOT NULL,
    contact_id       uuid        NOT NULL,
    trigger_type     text        NOT NULL,
    occurrence       text        NOT NULL CHECK (length(occurrence) <= 200),
    channel_id       uuid,
    external_user_id text,
    status           text        NOT NULL CHECK (status IN ('queued', 'sent', 'skipped', 'failed')),
    reason           text        CHECK (length(reason) <= 500),
    message_id       uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, flow_id, contact_id, occurrence),
    FOREIGN KEY (tenant_id, flow_id) REFERENCES flows (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX trigger_runs_flow_idx ON trigger_runs (tenant_id, flow_id, id DESC);
ALTER TABLE trigger_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE trigger_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY trigger_runs_tenant ON trigger_runs USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- The scan (inactive, schedule) runs per tenant; the worker's timer must find the tenants that have such flows
-- before any tenant is known. This list holds ids only and is readable without a tenant, like stripe_customers;
-- writes stay the tenant's own. A trigger on flows keeps it in step, so no code path can forget it.
CREATE TABLE scanned_flows (
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    flow_id    uuid NOT NULL,
    PRIMARY KEY (tenant_id, flow_id)
);
ALTER TABLE scanned_flows ENABLE ROW LEVEL SECURITY;
ALTER TABLE scanned_flows FORCE ROW LEVEL SECURITY;
CREATE POLICY scanned_flows_read ON scanned_flows FOR SELECT USING (true);
CREATE POLICY scanned_flows_insert ON scanned_flows FOR INSERT WITH CHECK (tenant_id = parley_current_tenant());
CREATE POLICY scanned_flows_delete ON scanned_flows FOR DELETE USING (tenant_id = parley_current_tenant());

CREATE FUNCTION flows_scanned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM scanned_flows WHERE tenant_id = OLD.tenant_id AND flow_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.enabled AND NEW.trigger_type IN ('inactive', 'schedule') THEN
        INSERT INTO scanned_flows (tenant_id, flow_id) VALUES (NEW.tenant_id, NEW.id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER flows_scanned AFTER INSERT OR UPDATE OR DELETE ON flows
    FOR EACH ROW EXECUTE FUNCTION flows_scanned();
