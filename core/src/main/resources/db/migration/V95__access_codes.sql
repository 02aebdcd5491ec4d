-- Issue 13 part 4: access codes per bot. A batch is generated at once (count codes sharing max uses, expiry and
-- grants); each code is stored only as a hash (SHA-256 of "<bot id>:<normalized code>"): its text is shown once, in
-- the answer that generated it (JSON or CSV), like an API key. uses counts redemptions; a single-use code is redeemed
-- exactly once because the redemption is one conditional UPDATE (uses < max_uses) on the code's row.
CREATE TABLE access_code_batches (
    tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id               uuid        NOT NULL,
    bot_id           uuid        NOT NULL,
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    code_count       integer     NOT NULL CHECK (code_count BETWEEN 1 AND 1000),
    max_uses         integer     NOT NULL CHECK (max_uses BETWEEN 1 AND 100000),
    expires_at       timestamptz,
    grant_tier       text        CHECK (length(grant_tier) BETWEEN 1 AND 40),
    grant_attributes jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_by       uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    revoked_at       timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, bot_id) REFERENCES bots (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX access_code_batches_bot_idx ON access_code_batches (tenant_id, bot_id, id);

CREATE TABLE access_codes (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    bot_id      uuid        NOT NULL,
    batch_id    uuid        NOT NULL,
    code_hash   bytea       NOT NULL,
    max_uses    integer     NOT NULL CHECK (max_uses >= 1),
    uses        integer     NOT NULL DEFAULT 0 CHECK (uses >= 0 AND uses <= max_uses),
    expires_at  timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, bot_id, code_hash),
    FOREIGN KEY (tenant_id, batch_id) REFERENCES access_code_batches (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX access_codes_batch_idx ON access_codes (tenant_id, batch_id, id);

-- Who redeemed which code: one row per (code, contact), so a contact sending its code again uses nothing more.
CREATE TABLE access_code_redemptions (
    tenant_id    uuid        NOT NULL,
    code_id      uuid        NOT NULL,
    contact_id   uuid        NOT NULL,
    bot_id       uuid        NOT NULL,
    redeemed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, code_id, contact_id),
    FOREIGN KEY (tenant_id, code_id) REFERENCES access_codes (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX access_code_redemptions_contact_idx ON access_code_redemptions (tenant_id, contact_id, bot_id);

-- Wrong codes a contact sent to a bot, for the per-contact attempt limit (rows older than the window are ignored
-- and pruned when the contact next tries).
CREATE TABLE access_code_attempts (
    tenant_id     uuid        NOT NULL,
    bot_id        uuid        NOT NULL,
    contact_id    uuid        NOT NULL,
    attempted_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX access_code_attempts_contact_idx ON access_code_attempts (tenant_id, contact_id, bot_id, attempted_at);

ALTER TABLE access_code_batches ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_code_batches FORCE ROW LEVEL SECURITY;
CREATE POLICY access_code_batches_tenant ON access_code_batches USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
ALTER TABLE access_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY access_codes_tenant ON access_codes USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
ALTER TABLE access_code_redemptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_code_redemptions FORCE ROW LEVEL SECURITY;
CREATE POLICY access_code_redemptions_tenant ON access_code_redemptions USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
ALTER TABLE access_code_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_code_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY access_code_attempts_tenant ON access_code_attempts USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
