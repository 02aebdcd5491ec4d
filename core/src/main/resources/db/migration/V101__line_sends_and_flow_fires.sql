-- Two facts the analytics figures "LINE free replies vs paid pushes" and "flows fired" need (docs/analytics.md).

-- How an outbound message was handed to its provider, where a channel has several ways: LINE 'reply' (the event's
-- reply token, free of the monthly quota) or 'push' (counted against it). NULL for the other channels.
ALTER TABLE messages ADD COLUMN send_mode text CHECK (send_mode IN ('reply', 'push'));

-- Each time a flow fired: matched an inbound message or postback (keyword, regex, postback, follow) or ran as a gate.
-- One row per turn event and flow, so a turn run again writes nothing new. Few rows; the rollups count them.
CREATE TABLE flow_fires (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    conversation_id  uuid        NOT NULL,
    flow_id          uuid        NOT NULL,
    event_id         uuid        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, event_id, flow_id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX flow_fires_time_idx ON flow_fires (tenant_id, created_at);
ALTER TABLE flow_fires ENABLE ROW LEVEL SECURITY;
ALTER TABLE flow_fires FORCE ROW LEVEL SECURITY;
CREATE POLICY flow_fires_tenant ON flow_fires USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
