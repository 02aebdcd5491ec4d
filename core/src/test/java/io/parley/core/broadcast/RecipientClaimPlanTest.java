package io.parley.core.broadcast;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.bot.BotRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.testing.TestChannels;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claiming a batch late in a large broadcast reads the queued recipients only, not every one already sent before
 * them (the broadcast benchmark's claims had grown to 75 ms and 4,000 buffers after 15,000 of 100,000).
 */
@MicronautTest(transactional = false)
class RecipientClaimPlanTest implements DatabaseTest {

    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?");

    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    BroadcastStore broadcasts;

    @Test
    void aClaimAfterThousandsWereSentReadsAHandfulOfPagesNotTheSentRecipients() throws SQLException {
        TenantId tenant = new TenantId(Ids.next());
        scope.writeVoid(tenant, () -> tenants.insert(tenant.value(), "Claims " + tenant));
        UUID channel = new TestChannels(scope, bots, dataSource).channel(tenant, "whatsapp");
        UUID broadcast = Ids.next();
        scope.writeVoid(tenant, () -> broadcasts.insert(tenant.value(), broadcast, "Claims", null, List.of(channel),
                "{\"parts\":[]}", null, "test"));
        try (Connection connection = TestDatabase.shared().openSuperuserConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            plan(connection, tenant.value(), broadcast, channel, 8000);
            // Statistics taken while every recipient was queued, as when a broadcast starts; then most are sent
            statement.execute("ANALYZE broadcast_recipients");
            try (PreparedStatement sent = connection.prepareStatement("UPDATE broadcast_recipients SET status ="
                    + " 'sent' WHERE tenant_id = ? AND broadcast_id = ? AND id IN (SELECT id FROM"
                    + " broadcast_recipients WHERE tenant_id = ? AND broadcast_id = ? ORDER BY id LIMIT 7000)")) {
                sent.setObject(1, tenant.value());
                sent.setObject(2, broadcast);
                sent.setObject(3, tenant.value());
                sent.setObject(4, broadcast);
                assertThat(sent.executeUpdate()).isEqualTo(7000);
            }

            // The first claim after the update steps over the index entries the sent ones left (and marks them
            // dead, as autovacuum would remove them); the claims after it are what a running broadcast pays
            claimBuffers(connection, tenant.value(), broadcast, channel);
            long buffers = claimBuffers(connection, tenant.value(), broadcast, channel);

            assertThat(buffers).isLessThan(150); // walking past the 7,000 sent ones read 14,224
        }
    }

    private static void plan(Connection connection, UUID tenant, UUID broadcast, UUID channel, int count)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO broadcast_recipients (tenant_id,"
                + " broadcast_id, contact_id, channel_id, external_user_id) SELECT ?, ?, gen_random_uuid(), ?,"
                + " '8869' || lpad(n::text, 8, '0') FROM generate_series(1, ?) n")) {
            insert.setObject(1, tenant);
            insert.setObject(2, broadcast);
            insert.setObject(3, channel);
            insert.setInt(4, count);
            insert.executeUpdate();
        }
    }

    /** The shared buffers the claim's pick of 20 reads (EXPLAIN ANALYZE, rolled back: nothing stays locked). */
    private static long claimBuffers(Connection connection, UUID tenant, UUID broadcast, UUID channel)
            throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) "
                + RecipientStore.PICK)) {
            explain.setObject(1, tenant);
            explain.setObject(2, broadcast);
            explain.setObject(3, channel);
            explain.setInt(4, 20);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            Matcher top = BUFFERS.matcher(plan);
            assertThat(top.find()).as(plan.toString()).isTrue();
            return Long.parseLong(top.group(1)) + (top.group(2) == null ? 0 : Long.parseLong(top.group(2)));
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
