-- Issue 15 part 2: email verification, password reset and invitation emails (docs/identity.md "Email").

-- Accounts made before verification existed count as verified: nobody can prove those addresses after the fact, and
-- taking away what their owners could already do would lock out every existing workspace.
UPDATE users SET email_verified_at = created_at WHERE email_verified_at IS NULL;

-- The language the account's emails are written in (the dashboard's language at sign-up).
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh-Hant'));

-- Single-use, expiring tokens mailed to a user: verify the address, or reset the password. Only the SHA-256 of a
-- token is stored; `email` is the address it was mailed to, so a token proves that address and no other.
CREATE TABLE email_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text        NOT NULL CHECK (purpose IN ('verify-email', 'reset-password')),
    email       text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id, purpose);
CREATE INDEX email_tokens_expiry_idx ON email_tokens (expires_at);

-- Account emails waiting for the mail job (verification, reset, invitation). Global, like users: they belong to a
-- person, not a workspace. The body holds a secret link, so it is sealed (AES-GCM, SecretBox) and cleared once sent.
CREATE TABLE account_emails (
    id           uuid PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('verify-email', 'reset-password', 'invitation')),
    recipient    text        NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
    subject      text        NOT NULL,
    sealed_body  text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz
);
CREATE INDEX account_emails_created_idx ON account_emails (created_at);
