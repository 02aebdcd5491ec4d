package io.parley.core.admin;

import io.micronaut.context.annotation.Value;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is a platform admin (docs/operator-console.md): the emails of {@code parley.platform-admins}
 * ({@code PARLEY_PLATFORM_ADMINS}, comma-separated) and those granted with {@code java -jar parley.jar admin grant
 * <email>} ({@code platform_admins}, V198). No API grants it, so no tenant can make anyone one. Asked on every
 * operator call rather than trusted from a token, so a revoked admin loses the console at once.
 */
@Singleton
public final class PlatformAdmins {

    private final Set<String> configured;
    private final TenantScope scope;
    private final DataSource dataSource;

    PlatformAdmins(@Value("${parley.platform-admins:}") List<String> configured, TenantScope scope,
                   DataSource dataSource) {
        this.configured = configured.stream().map(String::strip).filter(email -> !email.isEmpty())
                .map(PlatformAdmins::normalize).collect(Collectors.toUnmodifiableSet());
        this.scope = scope;
        this.dataSource = dataSource; // transaction-aware: joins the platform scope's transaction
    }

    public boolean isAdmin(String email) {
        String normalized = normalize(email);
        return configured.contains(normalized) || scope.asPlatform(null, () -> granted(normalized));
    }

    /** Grants the role (the CLI); false when the email had it already. */
    public boolean grant(String email, String grantedBy) {
        String normalized = normalize(email);
        if (!normalized.contains("@")) {
            throw new IllegalArgumentException("'" + email + "' is not an email address");
        }
        return scope.asPlatform(null, () -> update(
                "INSERT INTO platform_admins (email, granted_by) VALUES (?, ?) ON CONFLICT DO NOTHING",
                normalized, grantedBy) == 1);
    }

    /** Takes back a CLI grant (one from the configuration stays until the configuration changes). */
    public boolean revoke(String email) {
        return scope.asPlatform(null, () -> update("DELETE FROM platform_admins WHERE email = ?",
                normalize(email)) == 1);
    }

    private boolean granted(String email) {
        try (PreparedStatement query = connection().prepareStatement(
                "SELECT 1 FROM platform_admins WHERE email = ?")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the platform admins", e);
        }
    }

    private int update(String sql, String... values) {
        return Statements.update(dataSource, "change the platform admins", sql, (Object[]) values);
    }

    private Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
