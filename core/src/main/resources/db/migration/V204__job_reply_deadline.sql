-- Overload without paid pushes (issue 16, docs/architecture/queue.md "Reply deadlines"): a job that answers with a LINE
-- reply token records when that token was issued (the webhook's timestamp). While the token's window
-- (parley.outbound.line.reply-window, 50 s) is open, the claim takes the job's conversation first, earliest deadline
-- first; once it closed the answer goes out as a (paid) push anyway, and the job waits behind those that can still
-- win. Null for every other job.
ALTER TABLE jobs ADD COLUMN reply_token_at timestamptz;

-- The claim's first step walks the waiting jobs whose token is still fresh, oldest token first, and stops after a few
-- batches' worth: a range at the end of this index, however many jobs wait with expired tokens or none.
CREATE INDEX jobs_reply_token_idx ON jobs (reply_token_at, id)
    WHERE reply_token_at IS NOT NULL AND state IN ('available', 'retryable');
