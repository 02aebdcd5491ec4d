-- A route must not outlive its channel: deleting a channel, or a bot (whose channels cascade from bots), removes
-- its channel_routes row in the same statement, so no webhook can resolve to a deleted channel's tenant.
ALTER TABLE channel_routes
    ADD CONSTRAINT channel_routes_channel_fkey FOREIGN KEY (tenant_id, channel_id)
        REFERENCES channels (tenant_id, id) ON DELETE CASCADE;
