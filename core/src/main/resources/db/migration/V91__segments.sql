-- Saved audiences (docs/segments.md): a name and a predicate over contacts (SegmentDefinition as JSON), evaluated
-- when counted, previewed or used by a broadcast, so a segment is always current.
CREATE TABLE segments (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id         uuid        NOT NULL,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    definition jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
ALTER TABLE segments ENABLE ROW LEVEL SECURITY;
ALTER TABLE segments FORCE ROW LEVEL SECURITY;
CREATE POLICY segments_tenant ON segments USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
