-- Contacts the tenant creates (docs/contacts.md "Creating contacts", "Importing", "Opt-out").

-- Tags. Written exactly like the flows branch's definition (IF NOT EXISTS), so whichever migration runs first adds
-- the column and the other one does nothing.
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS tags text[] NOT NULL DEFAULT '{}';
CREATE INDEX IF NOT EXISTS contacts_tags_idx ON contacts USING gin (tags);

-- The suppression list: channel identities that must receive no broadcast (or other proactive message). Keyed by
-- the identity on its channel, not by the contact, so it is per channel and survives a contact being re-created by
-- an import. source: 'unfollow' (LINE unfollow, Telegram block, the identity's `following` turned false; removed
-- again when it turns true), 'keyword' (the contact wrote an opt-out keyword), 'api' (a member or API key).
CREATE TABLE contact_opt_outs (
    tenant_id        uuid        NOT NULL,
    channel_id       uuid        NOT NULL,
    external_user_id text        NOT NULL,
    source           text        NOT NULL CHECK (source IN ('unfollow', 'keyword', 'api')),
    detail           text        CHECK (length(detail) <= 200),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, channel_id, external_user_id),
    FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE contact_opt_outs ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_opt_outs FORCE ROW LEVEL SECURITY;
CREATE POLICY contact_opt_outs_tenant ON contact_opt_outs USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- Every path that marks an identity unfollowed (ingress unfollow events, the senders on Telegram 403 / LINE
-- "not following") goes through contact_identities.following; the trigger keeps the suppression list in step with
-- it, so no caller can forget. It runs as the invoker, under the same tenant's row-level security.
CREATE FUNCTION contact_identities_follow_opt_out() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.following THEN
        DELETE FROM contact_opt_outs
        WHERE tenant_id = NEW.tenant_id AND channel_id = NEW.channel_id
          AND external_user_id = NEW.external_user_id AND source = 'unfollow';
    ELSE
        INSERT INTO contact_opt_outs (tenant_id, channel_id, external_user_id, source)
        VALUES (NEW.tenant_id, NEW.channel_id, NEW.external_user_id, 'unfollow')
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER contact_identities_follow_opt_out
    AFTER UPDATE OF following ON contact_identities
    FOR EACH ROW WHEN (OLD.following IS DISTINCT FROM NEW.following)
    EXECUTE FUNCTION contact_identities_follow_opt_out();

-- The tenant's opt-out keywords; no row = the configured defaults (parley.opt-outs.default-keywords).
CREATE TABLE opt_out_settings (
    tenant_id  uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    keywords   text[]      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE opt_out_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE opt_out_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY opt_out_settings_tenant ON opt_out_settings USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- A CSV import: its valid rows are staged (contact_import_rows) while the upload is read, then the
-- contacts.import job upserts them in chunks; processed_rows is the job's cursor and its progress, written in the
-- same transaction as each chunk (with cursor_seq, the last staged row done), so a re-run continues where the last
-- committed chunk ended.
CREATE TABLE contact_imports (
    tenant_id      uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id             uuid        NOT NULL,
    state          text        NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed')),
    file_name      text        CHECK (length(file_name) <= 255),
    total_rows     integer     NOT NULL,
    valid_rows     integer     NOT NULL,
    invalid_rows   integer     NOT NULL DEFAULT 0,
    processed_rows integer     NOT NULL DEFAULT 0,
    cursor_seq     integer     NOT NULL DEFAULT 0,
    created_count  integer     NOT NULL DEFAULT 0,
    updated_count  integer     NOT NULL DEFAULT 0,
    errors         jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    PRIMARY KEY (tenant_id, id)
);
ALTER TABLE contact_imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_imports FORCE ROW LEVEL SECURITY;
CREATE POLICY contact_imports_tenant ON contact_imports USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- Valid rows of an import, in file order (seq); line is the row's line in the file, for messages. One row per
-- identity: a later row of the file for the same identity replaces the earlier one (the last one wins). The ids a
-- new contact and identity would get are chosen when the row is staged (UUIDv7, in Java).
CREATE TABLE contact_import_rows (
    tenant_id        uuid    NOT NULL,
    import_id        uuid    NOT NULL,
    seq              integer NOT NULL,
    line             integer NOT NULL,
    channel_id       uuid    NOT NULL,
    external_user_id text    NOT NULL,
    display_name     text,
    tier             text,
    tags             text[],
    attributes       jsonb   NOT NULL DEFAULT '{}'::jsonb,
    new_contact_id   uuid    NOT NULL,
    new_identity_id  uuid    NOT NULL,
    PRIMARY KEY (tenant_id, import_id, seq),
    UNIQUE (tenant_id, import_id, channel_id, external_user_id),
    FOREIGN KEY (tenant_id, import_id) REFERENCES contact_imports (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE contact_import_rows ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_import_rows FORCE ROW LEVEL SECURITY;
CREATE POLICY contact_import_rows_tenant ON contact_import_rows USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
