-- Teams (issue 18, docs/api/teams.md): named groups of a tenant's members ("Billing", "LINE 客服") that a
-- conversation can be assigned to, so the inbox can show each member the conversations of their teams.
CREATE TABLE teams (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id         uuid        NOT NULL,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
-- "Billing" and "billing" are the same team to the people picking one.
CREATE UNIQUE INDEX teams_name_idx ON teams (tenant_id, lower(name));
ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE teams FORCE ROW LEVEL SECURITY;
CREATE POLICY teams_tenant ON teams USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- A member who leaves the workspace leaves its teams (the membership's foreign key cascades).
CREATE TABLE team_members (
    tenant_id  uuid        NOT NULL,
    team_id    uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, team_id, user_id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_id) REFERENCES memberships (tenant_id, user_id) ON DELETE CASCADE
);
-- "My teams": the teams a member belongs to.
CREATE INDEX team_members_user_idx ON team_members (tenant_id, user_id);
ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_members FORCE ROW LEVEL SECURITY;
CREATE POLICY team_members_tenant ON team_members USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
