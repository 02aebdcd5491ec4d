package io.parley.core.broadcast;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.bot.BotRepository;
import io.parley.core.contact.ContactRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Recipient statuses move forward only, whatever order the provider's status webhooks arrive in. */
@MicronautTest(transactional = false)
class RecipientStatusTest implements DatabaseTest {

    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    ContactRepository contacts;
    @Inject
    BroadcastStore broadcasts;
    @Inject
    RecipientStore recipients;

    @Test
    void aLateDeliveredAfterReadChangesNothingAndAFailureIsFinal() {
        TenantId tenant = new TenantId(Ids.next());
        scope.writeVoid(tenant, () -> tenants.insert(tenant.value(), "Statuses " + tenant));
        UUID channel = new TestChannels(scope, bots, dataSource).channel(tenant, "whatsapp");
        UUID broadcast = Ids.next();
        String wamid = "wamid.STATUS" + Ids.next();
        scope.writeVoid(tenant, () -> {
            UUID t = tenant.value();
            contacts.upsertByIdentity(t, channel, "886911111111", "A", null);
            broadcasts.insert(t, broadcast, "Statuses", null, List.of(channel), "{\"parts\":[]}", null, "test");
            sql(t, broadcast, channel);
            long id = recipients.claim(t, broadcast, channel, 1, Ids.next()).getFirst().id();
            recipients.markSent(t, broadcast, List.of(id), List.of(wamid));
        });

        assertThat(advance(tenant, wamid, "read")).isEqualTo(1);
        assertThat(advance(tenant, wamid, "delivered")).isZero();
        assertThat(advance(tenant, wamid, "sent")).isZero();
        assertThat(status(tenant, broadcast)).isEqualTo("read");
        assertThat(advance(tenant, wamid, "failed")).isEqualTo(1);
        assertThat(advance(tenant, wamid, "read")).isZero();
        assertThat(status(tenant, broadcast)).isEqualTo("failed");
    }

    private void sql(UUID tenant, UUID broadcast, UUID channel) {
        try (var insert = dataSource.getConnection().prepareStatement("INSERT INTO broadcast_recipients (tenant_id,"
                + " broadcast_id, contact_id, channel_id, external_user_id) SELECT ci.tenant_id, ?, ci.contact_id,"
                + " ci.channel_id, ci.external_user_id FROM contact_identities ci WHERE ci.tenant_id = ?"
                + " AND ci.channel_id = ?")) {
            insert.setObject(1, broadcast);
            insert.setObject(2, tenant);
            insert.setObject(3, channel);
            insert.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int advance(TenantId tenant, String wamid, String status) {
        return scope.write(tenant, () -> recipients.advance(tenant.value(), wamid, status, null));
    }

    private String status(TenantId tenant, UUID broadcast) {
        return scope.read(tenant, () -> recipients.page(tenant.value(), broadcast, null, 0, 10).getFirst().status());
    }
}
