-- A broadcast's next batch is claimed from its queued recipients only (RecipientStore.claim). Without this index the
-- planner, whose statistics date from when every recipient was queued, walked the primary key (tenant, broadcast,
-- id) from the broadcast's first recipient and filtered out every one already sent: 75 ms and 4,000 buffers per
-- claim of 20 after 15,000 of 100,000 were sent, growing with the progress (bench/README.md, "Broadcasts").
-- Partial: a recipient leaves it when it is claimed, so it holds only what is left to send.
CREATE INDEX broadcast_recipients_queued_idx ON broadcast_recipients (tenant_id, broadcast_id, channel_id, id)
    WHERE status = 'queued';
