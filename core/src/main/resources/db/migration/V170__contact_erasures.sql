-- Erasing a person's data (docs/privacy.md). What remains of an erased contact is one tombstone per channel identity
-- it had, so a provider's late redelivery of an event from before the erasure does not re-create the person. The
-- identity is kept only as a SHA-256 of "<channel id>:<external user id>" (never the id itself); tombstones older
-- than parley.privacy.tombstone-days are purged by the retention job, when no provider redelivers any more.
CREATE TABLE contact_erasures (
    tenant_id      uuid        NOT NULL,
    channel_id     uuid        NOT NULL,
    identity_hash  text        NOT NULL CHECK (identity_hash ~ '^[0-9a-f]{64}$'),
    erased_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, channel_id, identity_hash),
    FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_erasures_age_idx ON contact_erasures (erased_at);
ALTER TABLE contact_erasures ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_erasures FORCE ROW LEVEL SECURITY;
CREATE POLICY contact_erasures_tenant ON contact_erasures USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- The one spelling of an identity's hash, used by the erasure and by the turn's check.
CREATE FUNCTION parley_identity_hash(channel_id uuid, external_user_id text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT encode(sha256(convert_to(channel_id::text || ':' || external_user_id, 'UTF8')), 'hex') $$;
