-- A conversation can be assigned to a team (V210) and, optionally, to a member of it (assignee_id). The inbox's
-- "my teams" view lists the conversations of the teams the member belongs to. Deleting a team leaves its
-- conversations without a team.
ALTER TABLE conversations
    ADD COLUMN team_id uuid,
    ADD CONSTRAINT conversations_team_fk FOREIGN KEY (tenant_id, team_id)
        REFERENCES teams (tenant_id, id) ON DELETE SET NULL (team_id);
CREATE INDEX conversations_team_idx ON conversations (tenant_id, team_id) WHERE team_id IS NOT NULL;
