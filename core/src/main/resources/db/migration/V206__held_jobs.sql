-- What a suspended tenant would have sent besides answers (docs/operator-console.md, "Suspending a tenant"): a
-- broadcast's send job or a proactive trigger's run, claimed while the tenant was suspended, is kept here instead of
-- run, and the resume enqueues it again, in the order it was held, on its serial key (held_turns keeps the turns).
CREATE TABLE held_jobs (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    job_id        bigint      NOT NULL,
    kind          text        NOT NULL,
    args          jsonb       NOT NULL,
    serial_key    text,
    priority      integer     NOT NULL,
    max_attempts  integer     NOT NULL,
    held_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, job_id)
);
ALTER TABLE held_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE held_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY held_jobs_tenant ON held_jobs USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
