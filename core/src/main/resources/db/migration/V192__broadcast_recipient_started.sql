-- When a claimed broadcast recipient's request was allowed to leave (docs/broadcasts.md "No message twice"): a worker
-- claims a batch (status 'sending', started_at NULL) one step ahead of sending it, and marks it started in the same
-- transaction that records the outcomes of the batch before. After a crash, a recipient still 'sending' with no
-- started_at was never sent and goes back to the queue; a started one waits for its WhatsApp status webhook (found by
-- biz_opaque_callback_data) and is sent again only when none came within the grace period.
ALTER TABLE broadcast_recipients ADD COLUMN started_at timestamptz;
