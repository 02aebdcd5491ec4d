package io.parley.core.webpush;

import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Members' Web Push subscriptions (docs/notifications.md#web-push): one per browser, member and tenant. Runs on the
 * caller's tenant transaction; every statement names the tenant and the member, row-level security is the backstop.
 */
@Singleton
public final class PushSubscriptions {

    /** What a push job needs of a subscription: where to, the browser's keys, and whose it is. */
    record Target(UUID id, UUID userId, String role, String language, String endpoint, byte[] p256dh, byte[] auth) {
    }

    /** Why a browser's subscription is refused: the request's field and what it must be. */
    public record Invalid(String field, String message) {
    }

    /** The saved subscription and whether this call created it (false: the endpoint was known, its keys updated). */
    public record Saved(PushSubscription subscription, boolean created) {
    }

    /**
     * Push services are public host names (fcm.googleapis.com, updates.push.services.mozilla.com, *.push.apple.com,
     * *.notify.windows.com): an IP literal or a local name is refused, so a member cannot point the server's POSTs at
     * the private network. (A public name resolving to a private address is not caught here.)
     */
    private static final Pattern PUSH_SERVICE_HOST = Pattern.compile("^(?=.*[a-z])[a-z0-9-]+(\\.[a-z0-9-]+)+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_HOST = Pattern.compile(
            "(?i)^(.*\\.)?(localhost|local|internal|localdomain|home\\.arpa|lan|intranet|corp)$");

    private final DataSource dataSource;

    PushSubscriptions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What is wrong with a subscription a browser made, or empty when it is valid: an
     * absolute https endpoint of at most 2048 characters without user info, p256dh a P-256 point of 65 bytes and
     * auth 16 bytes, both base64url (padding tolerated, as some browsers add it).
     */
    public static Optional<Invalid> problem(String endpoint, String p256dh, String auth) {
        try {
            URI uri = new URI(endpoint);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || endpoint.length() > 2048) {
                return Optional.of(new Invalid("endpoint", "must be an https URL of at most 2048 characters"));
            }
            if (!PUSH_SERVICE_HOST.matcher(uri.getHost()).matches() || LOCAL_HOST.matcher(uri.getHost()).matches()) {
                return Optional.of(new Invalid("endpoint", "must be a push service's URL (a public host name)"));
            }
        } catch (URISyntaxException e) {
            return Optional.of(new Invalid("endpoint", "must be an https URL of at most 2048 characters"));
        }
        Optional<byte[]> key = decode(p256dh);
        if (key.isEmpty() || key.get().length != 65) {
            return Optional.of(new Invalid("keys.p256dh", "must be base64url of a 65-byte P-256 public key"));
        }
        try {
            PushEncryption.publicKey(key.get());
        } catch (IllegalArgumentException e) {
            return Optional.of(new Invalid("keys.p256dh", "must be base64url of a 65-byte P-256 public key"));
        }
        if (decode(auth).map(bytes -> bytes.length != 16).orElse(true)) {
            return Optional.of(new Invalid("keys.auth", "must be base64url of a 16-byte secret"));
        }
        return Optional.empty();
    }

    /**
     * Saves {@code member}'s subscription, by endpoint: a known endpoint (the same browser subscribing again, or
     * signed in as another member of the tenant) gets the new keys and owner. Check {@link #problem} first.
     */
    public Saved save(TenantId tenant, UUID member, String endpoint, String p256dh, String auth) {
        String sql = """
                INSERT INTO push_subscriptions (tenant_id, id, user_id, endpoint, p256dh, auth) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh,
                    auth = EXCLUDED.auth, updated_at = now()
                RETURNING id, endpoint, created_at, updated_at, (xmax = 0) AS created""";
        try (PreparedStatement insert = connection().prepareStatement(sql)) {
            insert.setObject(1, tenant.value());
            insert.setObject(2, Ids.next());
            insert.setObject(3, member);
            insert.setString(4, endpoint);
            insert.setString(5, canonical(p256dh));
            insert.setString(6, canonical(auth));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new Saved(map(row), row.getBoolean("created"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save a push subscription", e);
        }
    }

    /** {@code member}'s subscriptions in the tenant, newest first. */
    public List<PushSubscription> list(TenantId tenant, UUID member) {
        try (PreparedStatement select = connection().prepareStatement("""
                SELECT id, endpoint, created_at, updated_at FROM push_subscriptions
                WHERE tenant_id = ? AND user_id = ? ORDER BY id DESC LIMIT 100""")) {
            select.setObject(1, tenant.value());
            select.setObject(2, member);
            List<PushSubscription> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(map(rows));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list push subscriptions", e);
        }
    }

    /** Deletes one of {@code member}'s subscriptions; false when the member has none with that id in the tenant. */
    public boolean delete(TenantId tenant, UUID member, UUID id) {
        try (PreparedStatement delete = connection().prepareStatement(
                "DELETE FROM push_subscriptions WHERE tenant_id = ? AND user_id = ? AND id = ?")) {
            delete.setObject(1, tenant.value());
            delete.setObject(2, member);
            delete.setObject(3, id);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete a push subscription", e);
        }
    }

    /** The ids of the subscriptions of the members whose role reaches {@code minRole}. */
    List<UUID> ofMembers(TenantId tenant, Role minRole) {
        String[] roles = Arrays.stream(Role.values()).filter(r -> r.atLeast(minRole)).map(Role::wireName)
                .toArray(String[]::new);
        try (PreparedStatement select = connection().prepareStatement("""
                SELECT s.id FROM push_subscriptions s
                JOIN memberships m ON m.tenant_id = s.tenant_id AND m.user_id = s.user_id
                WHERE s.tenant_id = ? AND m.role = ANY (?) ORDER BY s.id""")) {
            select.setObject(1, tenant.value());
            select.setArray(2, connection().createArrayOf("text", roles));
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the subscriptions to push to", e);
        }
    }

    /** A subscription with its member's current role and language; empty when it (or the membership) is gone. */
    Optional<Target> target(TenantId tenant, UUID id) {
        try (PreparedStatement select = connection().prepareStatement("""
                SELECT s.id, s.user_id, m.role, u.language, s.endpoint, s.p256dh, s.auth FROM push_subscriptions s
                JOIN memberships m ON m.tenant_id = s.tenant_id AND m.user_id = s.user_id
                JOIN users u ON u.id = s.user_id
                WHERE s.tenant_id = ? AND s.id = ?""")) {
            select.setObject(1, tenant.value());
            select.setObject(2, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Target(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getString(3), row.getString(4), row.getString(5),
                        Base64.getUrlDecoder().decode(row.getString(6)), Base64.getUrlDecoder().decode(row.getString(7))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read push subscription " + id, e);
        }
    }

    /** Forgets a subscription the push service says is gone (404/410), whoever's it is. */
    void forget(TenantId tenant, UUID id) {
        try (PreparedStatement delete = connection().prepareStatement(
                "DELETE FROM push_subscriptions WHERE tenant_id = ? AND id = ?")) {
            delete.setObject(1, tenant.value());
            delete.setObject(2, id);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete push subscription " + id, e);
        }
    }

    private static Optional<byte[]> decode(String base64url) {
        if (base64url == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getUrlDecoder().decode(base64url.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Unpadded base64url, the form the table's checks expect. */
    private static String canonical(String base64url) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getUrlDecoder().decode(base64url.strip()));
    }

    private static PushSubscription map(ResultSet row) throws SQLException {
        return new PushSubscription(row.getObject("id", UUID.class), row.getString("endpoint"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }

    private Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
