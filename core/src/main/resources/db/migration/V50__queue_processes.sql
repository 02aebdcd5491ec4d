-- Worker processes and their heartbeats (docs/architecture/queue.md, "Dead processes"). A worker registers under
-- the name it writes into jobs.locked_by, heartbeats every second or so, and marks itself stopped on a clean
-- shutdown. Any live worker that finds a process silent for longer than the timeout (by the database's clock)
-- declares it dead and hands its running jobs back at once, instead of waiting for their 60 s leases to expire.
CREATE TABLE queue_processes (
    id               text        PRIMARY KEY,  -- = jobs.locked_by
    host             text        NOT NULL,
    pid              bigint      NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT now(),
    heartbeat_at     timestamptz NOT NULL DEFAULT now(),
    stopped_at       timestamptz,               -- a clean shutdown
    declared_dead_at timestamptz                -- set by whichever live worker took over its jobs
);
CREATE INDEX queue_processes_dead_idx ON queue_processes (id) WHERE declared_dead_at IS NOT NULL;

-- Not tenant data: only the queue's own statements (the queue scope) see it.
ALTER TABLE queue_processes ENABLE ROW LEVEL SECURITY;
ALTER TABLE queue_processes FORCE ROW LEVEL SECURITY;
CREATE POLICY queue_processes_queue ON queue_processes USING (parley_queue_scope()) WITH CHECK (parley_queue_scope());

-- Jobs of one process, found without scanning every running job of every process.
CREATE INDEX jobs_locked_by_idx ON jobs (locked_by) WHERE state = 'running';
