-- Notifications (docs/notifications.md): one mechanism for billing alerts, quota, hand-offs and later analytics
-- alerts and broadcasts. A notification is raised once per condition and period: dedup_key names both (e.g.
-- "budget:tenant:monthly:2026-12:80"), and a second raise with the same key inserts nothing.
CREATE TABLE notifications (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id         uuid        NOT NULL,
    -- what happened, e.g. billing.budget.threshold; also the dashboard's translation key
    kind       text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.-]{0,63}$'),
    severity   text        NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    -- the least role that sees it (and is mailed): admin = owners and admins; agent = everyone who can answer
    min_role   text        NOT NULL CHECK (min_role IN ('owner', 'admin', 'agent', 'viewer')),
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body       text        NOT NULL CHECK (length(body) <= 2000),
    -- the values the dashboard puts into its own translation of kind (never a secret)
    params     jsonb       NOT NULL DEFAULT '{}',
    -- the dashboard path where one acts on it, e.g. /billing
    link       text        CHECK (link ~ '^/'),
    dedup_key  text        NOT NULL CHECK (length(dedup_key) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, dedup_key)
);
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY notifications_tenant ON notifications USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- Who read what: a reader is a member (user id) or an API key (its id); both are UUIDs from separate spaces.
CREATE TABLE notification_reads (
    tenant_id       uuid        NOT NULL,
    reader_id       uuid        NOT NULL,
    notification_id uuid        NOT NULL,
    read_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, reader_id, notification_id),
    FOREIGN KEY (tenant_id, notification_id) REFERENCES notifications (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE notification_reads ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_reads FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_reads_tenant ON notification_reads USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
