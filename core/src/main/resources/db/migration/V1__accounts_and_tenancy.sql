-- Accounts and tenancy. Owner of the schema: the migration role. The application connects as a role that
-- does not own these tables, and FORCE makes even the owner subject to row-level security, so a query that
-- forgets its tenant filter still sees only the tenant named by the transaction's `parley.tenant_id` setting.
-- See docs/architecture/tenancy.md.

-- The tenant and user of the current transaction, set with set_config(..., true) (transaction-local).
-- NULL when unset, so every policy comparison is false and no row is visible.
CREATE FUNCTION parley_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('parley.tenant_id', true), '')::uuid $$;

CREATE FUNCTION parley_current_user() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('parley.user_id', true), '')::uuid $$;

-- A user is a global identity (one login, possibly many tenants), so `users` is not tenant-owned.
CREATE TABLE users (
    id             uuid PRIMARY KEY,
    email          text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    password_hash  text        NOT NULL,
    display_name   text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    plan        text        NOT NULL DEFAULT 'free',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        text        NOT NULL CHECK (role IN ('owner', 'admin', 'agent', 'viewer')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE invitations (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id           uuid        NOT NULL,
    email        text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('owner', 'admin', 'agent', 'viewer')),
    token_hash   bytea       NOT NULL,
    invited_by   uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    accepted_at  timestamptz,
    revoked_at   timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX invitations_tenant_email_idx ON invitations (tenant_id, lower(email));

-- Refresh tokens are a user's sessions (a session may point at no tenant after the user was removed from
-- all of them), so they are user-scoped, not tenant-owned. Only their SHA-256 is stored.
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tenant_id   uuid        REFERENCES tenants (id) ON DELETE SET NULL,
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE api_keys (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id            uuid        NOT NULL,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role          text        NOT NULL CHECK (role IN ('admin', 'agent', 'viewer')),
    prefix        text        NOT NULL,
    secret_hash   bytea       NOT NULL,
    created_by    uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE audit_log (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id           uuid        NOT NULL,
    actor_type   text        NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
    actor_id     uuid,
    actor_label  text,
    action       text        NOT NULL,
    target_type  text,
    target_id    text,
    details      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    ip           text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

-- Token buckets for rate limits shared by every api replica (Bucket4j's PostgreSQL backend).
CREATE TABLE rate_limit_buckets (
    id          text PRIMARY KEY,
    state       bytea,
    expires_at  bigint
);
CREATE INDEX rate_limit_buckets_expiry_idx ON rate_limit_buckets (expires_at);

-- Row-level security -------------------------------------------------------------------------------------

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
-- A tenant is visible inside its own context, and to a user context that is a member of it (login, /me).
CREATE POLICY tenants_select ON tenants FOR SELECT USING (
    id = parley_current_tenant()
    OR EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = tenants.id AND m.user_id = parley_current_user()));
CREATE POLICY tenants_insert ON tenants FOR INSERT WITH CHECK (id = parley_current_tenant());
CREATE POLICY tenants_update ON tenants FOR UPDATE USING (id = parley_current_tenant())
    WITH CHECK (id = parley_current_tenant());
CREATE POLICY tenants_delete ON tenants FOR DELETE USING (id = parley_current_tenant());

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
-- A user context may read its own memberships across tenants; every change needs the tenant's context.
CREATE POLICY memberships_select ON memberships FOR SELECT USING (
    tenant_id = parley_current_tenant() OR user_id = parley_current_user());
CREATE POLICY memberships_insert ON memberships FOR INSERT WITH CHECK (tenant_id = parley_current_tenant());
CREATE POLICY memberships_update ON memberships FOR UPDATE USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
CREATE POLICY memberships_delete ON memberships FOR DELETE USING (tenant_id = parley_current_tenant());

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY invitations_tenant ON invitations USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY api_keys_tenant ON api_keys USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_tenant ON audit_log USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
