-- Finished jobs are deleted after a retention period (parley.queue.completed-retention / discarded-retention);
-- this index lets the cleaner find them without scanning the queue. Partial, so enqueue and claim do not pay for
-- it: a job gets its one entry when it finishes.
CREATE INDEX jobs_finalized_idx ON jobs (finalized_at) WHERE state IN ('completed', 'discarded', 'cancelled');
