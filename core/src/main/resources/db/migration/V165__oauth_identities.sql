-- Issue 15 part 1: dashboard sign-in with OAuth 2.0 / OpenID Connect providers (docs/identity.md).
-- A user may have no password (signed up with a provider); email_verified_at says the user proved the address
-- (a provider's verified email, later the verification email of part 2).
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;

-- The owner may require its members to sign in through a provider: password sign-in is then refused for them.
ALTER TABLE tenants ADD COLUMN sso_required boolean NOT NULL DEFAULT false;

-- A provider account linked to a user. Global like users (no tenant): one identity signs in to one user.
CREATE TABLE user_identities (
    id            uuid PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider      text        NOT NULL CHECK (length(provider) BETWEEN 1 AND 40),
    subject       text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    email         text        CHECK (length(email) <= 254),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    UNIQUE (provider, subject),
    UNIQUE (user_id, provider)
);

-- A sign-in (or link) started at a provider and not finished yet: only the SHA-256 of the state and of the browser
-- binding cookie are stored; the PKCE verifier and the nonce are needed once, at the callback. Spent exactly once.
CREATE TABLE oauth_attempts (
    state_hash     bytea PRIMARY KEY,
    provider       text        NOT NULL,
    browser_hash   bytea       NOT NULL,
    code_verifier  text        NOT NULL,
    nonce          text        NOT NULL,
    link_user_id   uuid        REFERENCES users (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);
CREATE INDEX oauth_attempts_expiry_idx ON oauth_attempts (expires_at);

-- The callback hands the dashboard a short-lived single-use code (in the URL fragment, never sent to a server),
-- which the dashboard exchanges for Parley's own tokens with a POST: no token ever appears in a URL.
CREATE TABLE oauth_handoffs (
    code_hash   bytea PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX oauth_handoffs_expiry_idx ON oauth_handoffs (expires_at);
