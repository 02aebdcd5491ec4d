package io.parley.core.testing;

import io.parley.core.bot.BotRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Bot and channel rows for tests of features that hang off a channel (contacts, conversations), written straight
 * to the database so they do not depend on the channels API: a bot with defaults and a minimal 'web' channel.
 */
public final class TestChannels {

    private final TenantScope scope;
    private final BotRepository bots;
    private final DataSource dataSource;

    /** {@code dataSource}: Micronaut's transaction-aware one, so the SQL runs inside the tenant scope. */
    public TestChannels(TenantScope scope, BotRepository bots, DataSource dataSource) {
        this.scope = scope;
        this.bots = bots;
        this.dataSource = dataSource;
    }

    /** A new bot with one web channel in {@code tenant}; returns the channel id. */
    public UUID webChannel(TenantId tenant) {
        return channel(tenant, "web");
    }

    /**
     * A new bot with one channel of {@code type} ("line", "whatsapp", "telegram", "web") and no credentials, for
     * tests that only need the channel's row (contacts); returns the channel id.
     */
    public UUID channel(TenantId tenant, String type) {
        UUID botId = Ids.next();
        UUID channelId = Ids.next();
        scope.writeVoid(tenant, () -> {
            bots.insert(tenant.value(), botId, "Test bot", "active", "", "openai-compatible", null, null, null, null,
                    null, null, null, 10, null, null, null, "none", null, null, "{}");
            try {
                Connection connection = dataSource.getConnection();
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO channels (tenant_id, id, bot_id, type, name) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setObject(1, tenant.value());
                    insert.setObject(2, channelId);
                    insert.setObject(3, botId);
                    insert.setString(4, type);
                    insert.setString(5, "web".equals(type) ? "Test web chat" : "Test " + type);
                    insert.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not insert a test channel", e);
            }
        });
        return channelId;
    }
}
