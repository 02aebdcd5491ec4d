-- A full rebuild's slices carry each contact's last active day forward (docs/analytics.md, "Full rebuilds"): one row
-- per contact, bot and channel, the last local day with any activity and the last with a message from the contact,
-- among the days the slices before rebuilt. A slice reads it for the previous active day of its entities (one join,
-- instead of an index lookup per entity, kind and scope among the contact-days) and moves it on in its own commit; the
-- rebuild's start empties it and its last slice deletes it.
CREATE TABLE analytics_rebuild_last (
    tenant_id   uuid NOT NULL,
    contact_id  uuid NOT NULL,
    bot_id      uuid NOT NULL,
    channel_id  uuid NOT NULL,
    last_in     date,
    last_any    date NOT NULL,
    PRIMARY KEY (tenant_id, contact_id, bot_id, channel_id)
);

ALTER TABLE analytics_rebuild_last ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_rebuild_last FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_rebuild_last_tenant ON analytics_rebuild_last USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- A rebuild under way has carried nothing yet: it starts again from its first slice (its rows are rewritten).
ALTER TABLE analytics_rollup_state NO FORCE ROW LEVEL SECURITY;
UPDATE analytics_rollup_state SET rebuild_next = DATE '1970-01-05' WHERE rebuild_next IS NOT NULL;
ALTER TABLE analytics_rollup_state FORCE ROW LEVEL SECURITY;
