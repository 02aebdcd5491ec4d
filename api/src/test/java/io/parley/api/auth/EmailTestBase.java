package io.parley.api.auth;

import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.TestInbox;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.tenancy.UserId;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** API tests with SMTP configured against one in-process SMTP server ({@link TestInbox}), shared by the classes. */
abstract class EmailTestBase extends ApiTest {

    static final TestInbox INBOX = new TestInbox();
    static final String PUBLIC_URL = "https://parley.example";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(INBOX::close));
    }

    @Inject
    DataSource dataSource;
    @Inject
    TenantScope scope;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(INBOX.properties());
        properties.put("parley.public-url", PUBLIC_URL);
        return properties;
    }

    static String newEmail() {
        return "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    Reply signup(String email, String language) {
        return api().send("POST", "/api/v1/auth/signup", null,
                Map.of("email", email, "password", io.parley.api.testing.ApiClient.Session.PASSWORD,
                        "tenantName", "Mail Co"), Map.of("Accept-Language", language));
    }

    /** Makes every token of the user's already expired, as if the link were opened too late. */
    void expireTokensOf(String userId) {
        UserId user = new UserId(UUID.fromString(userId));
        scope.asUser(user, () -> {
            try {
                Connection connection = dataSource.getConnection();
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = ?")) {
                    update.setObject(1, user.value());
                    return update.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
