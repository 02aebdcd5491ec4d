-- Web Push (docs/notifications.md#web-push): the browsers of members who allow notifications on a device, and the
-- server's VAPID key pair when the operator configures none.

-- A browser's push subscription (the PushSubscription of the Push API), per member and tenant: a member of two
-- tenants subscribes the same browser in each. The endpoint is unique per tenant, so a browser that another member
-- signs in on moves to that member (the browser shows only one person's pushes). keys: base64url, p256dh a 65-byte
-- P-256 point, auth a 16-byte secret; not secret to the server's operator (the push service never sees them).
CREATE TABLE push_subscriptions (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    endpoint   text        NOT NULL CHECK (endpoint ~ '^https://' AND length(endpoint) <= 2048),
    p256dh     text        NOT NULL CHECK (p256dh ~ '^[A-Za-z0-9_-]{87}$'),
    auth       text        NOT NULL CHECK (auth ~ '^[A-Za-z0-9_-]{22}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, endpoint),
    -- a member who leaves the tenant takes their devices along
    FOREIGN KEY (tenant_id, user_id) REFERENCES memberships (tenant_id, user_id) ON DELETE CASCADE
);
CREATE INDEX push_subscriptions_member_idx ON push_subscriptions (tenant_id, user_id);
ALTER TABLE push_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE push_subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY push_subscriptions_tenant ON push_subscriptions USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- The VAPID key pair Parley generated on first use (PARLEY_WEBPUSH_PUBLIC_KEY/PRIVATE_KEY unset): one row. The
-- private key is sealed with PARLEY_ENCRYPTION_KEY (SecretBox). The platform's own table (TenantScope.asPlatform).
CREATE TABLE webpush_vapid_keys (
    singleton           boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    public_key          text        NOT NULL CHECK (public_key ~ '^[A-Za-z0-9_-]{87}$'),
    private_key_sealed  text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE webpush_vapid_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE webpush_vapid_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY webpush_vapid_keys_platform ON webpush_vapid_keys USING (parley_platform_scope())
    WITH CHECK (parley_platform_scope());
