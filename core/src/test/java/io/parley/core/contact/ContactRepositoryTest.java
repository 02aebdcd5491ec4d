package io.parley.core.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.TenantRepository;
import io.parley.core.bot.BotRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ContactRepositoryTest implements DatabaseTest {

    private static final UUID NEWEST = new UUID(-1L, -1L);

    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    BotRepository bots;
    @Inject
    ContactRepository contacts;
    @Inject
    DataSource dataSource;

    @Test
    void firstSightCreatesTheContactWithItsIdentity() {
        TenantId tenant = newTenant();
        UUID channel = channels().webChannel(tenant);

        UpsertedContact seen = scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), channel, "U1234",
                "小明", "{\"pictureUrl\": \"https://example.com/p.png\"}"));

        assertThat(seen.created()).isTrue();
        assertThat(seen.contact().displayName()).isEqualTo("小明");
        assertThat(seen.contact().tier()).isEqualTo("free");
        assertThat(seen.contact().attributes()).isEqualTo("{}");
        assertThat(seen.contact().lastSeenAt()).isNotNull();
        List<ContactIdentityRow> identities = scope.read(tenant, () ->
                contacts.identities(tenant.value(), List.of(seen.contact().id())));
        assertThat(identities).singleElement().satisfies(identity -> {
            assertThat(identity.channelId()).isEqualTo(channel);
            assertThat(identity.channelType()).isEqualTo("web");
            assertThat(identity.externalUserId()).isEqualTo("U1234");
            assertThat(identity.profile()).contains("https://example.com/p.png");
            assertThat(identity.following()).isTrue();
        });
    }

    @Test
    void laterSightsReturnTheSameContactKeepItsNameAndReplaceTheProfile() {
        TenantId tenant = newTenant();
        UUID channel = channels().webChannel(tenant);
        UpsertedContact first = scope.write(tenant, () ->
                contacts.upsertByIdentity(tenant.value(), channel, "U1", null, "{\"v\": 1}"));

        UpsertedContact named = scope.write(tenant, () ->
                contacts.upsertByIdentity(tenant.value(), channel, "U1", "Mei", null));
        UpsertedContact renamed = scope.write(tenant, () ->
                contacts.upsertByIdentity(tenant.value(), channel, "U1", "Someone else", "{\"v\": 2}"));

        assertThat(first.contact().displayName()).isNull();
        assertThat(named.created()).isFalse();
        assertThat(named.contact().id()).isEqualTo(first.contact().id());
        assertThat(named.contact().displayName()).as("a missing name is filled in").isEqualTo("Mei");
        assertThat(renamed.contact().displayName()).as("a name is never overwritten").isEqualTo("Mei");
        assertThat(renamed.contact().lastSeenAt()).isAfterOrEqualTo(first.contact().lastSeenAt());
        assertThat(scope.read(tenant, () -> contacts.identities(tenant.value(), List.of(first.contact().id()))))
                .singleElement().satisfies(identity -> assertThat(identity.profile()).contains("2"));
        assertThat(allContacts(tenant)).hasSize(1);
    }

    @Test
    void theSameUserIdOnAnotherChannelIsAnotherContact() {
        TenantId tenant = newTenant();
        UUID web = channels().webChannel(tenant);
        UUID otherWeb = channels().webChannel(tenant);

        UUID first = scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), web, "same", null, null))
                .contact().id();
        UUID second = scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), otherWeb, "same", null, null))
                .contact().id();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void concurrentFirstSightsOfOneUserCreateExactlyOneContact() throws Exception {
        TenantId tenant = newTenant();
        UUID channel = channels().webChannel(tenant);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                String userId = "racer-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<UpsertedContact>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return scope.write(tenant, () ->
                                contacts.upsertByIdentity(tenant.value(), channel, userId, "Racer", null));
                    }));
                }
                start.countDown();
                List<UpsertedContact> seen = new ArrayList<>();
                for (Future<UpsertedContact> result : results) {
                    seen.add(result.get(30, TimeUnit.SECONDS));
                }

                Set<UUID> ids = seen.stream().map(s -> s.contact().id()).collect(Collectors.toSet());
                assertThat(ids).as("every caller gets the same contact").hasSize(1);
                assertThat(seen).filteredOn(UpsertedContact::created).as("exactly one caller created it").hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(allContacts(tenant)).as("no orphan contacts").hasSize(5);
    }

    @Test
    void followingIsSetPerIdentity() {
        TenantId tenant = newTenant();
        UUID channel = channels().webChannel(tenant);
        UUID contact = scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), channel, "U9", null, null))
                .contact().id();

        int changed = scope.write(tenant, () -> contacts.setFollowing(tenant.value(), channel, "U9", false));
        int unknown = scope.write(tenant, () -> contacts.setFollowing(tenant.value(), channel, "nobody", false));

        assertThat(changed).isEqualTo(1);
        assertThat(unknown).isZero();
        assertThat(scope.read(tenant, () -> contacts.identities(tenant.value(), List.of(contact))))
                .singleElement().satisfies(identity -> assertThat(identity.following()).isFalse());
    }

    @Test
    void anotherTenantCannotSeeOrUpdateTheContact() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        UUID channel = channels().webChannel(tenant);
        UUID contact = scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), channel, "U7", null, null))
                .contact().id();

        assertThat(scope.read(other, () -> contacts.find(tenant.value(), contact))).isEmpty();
        assertThat(scope.write(other, () -> contacts.update(tenant.value(), contact, "x", "{}", "vip", true, null)))
                .isZero();
        assertThat(scope.read(tenant, () -> contacts.find(tenant.value(), contact))).get()
                .satisfies(row -> assertThat(row.tier()).isEqualTo("free"));
    }

    private List<ContactRow> allContacts(TenantId tenant) {
        return scope.read(tenant, () -> contacts.page(tenant.value(), NEWEST, null, null, null, null, null, 100));
    }

    private TenantId newTenant() {
        TenantId tenant = new TenantId(Ids.next());
        scope.writeVoid(tenant, () -> tenants.insert(tenant.value(), "Contacts " + tenant));
        return tenant;
    }

    private TestChannels channels() {
        return new TestChannels(scope, bots, dataSource);
    }
}
