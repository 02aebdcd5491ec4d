package io.parley.core.notification;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.MembershipRepository;
import io.parley.core.account.TenantRepository;
import io.parley.core.account.UserRepository;
import io.parley.core.events.TenantEvents;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import io.parley.core.testing.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications are stored once per condition and period, seen by the right roles, and read per reader. */
@MicronautTest(transactional = false)
class NotificationsTest implements DatabaseTest {

    private static final UUID NEWEST = new UUID(-1L, -1L);

    @Inject
    Notifications notifications;
    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    UserRepository users;
    @Inject
    MembershipRepository memberships;

    @Test
    void aNotificationIsRaisedOncePerDedupKey() {
        TestTeam team = team();
        TenantId tenant = team.tenant();

        Optional<UUID> first = scope.write(tenant, () -> notifications.raise(tenant,
                TestTeam.draft("budget:tenant:monthly:2026-12:80", Role.ADMIN)));
        Optional<UUID> again = scope.write(tenant, () -> notifications.raise(tenant,
                TestTeam.draft("budget:tenant:monthly:2026-12:80", Role.ADMIN)));
        Optional<UUID> nextPeriod = scope.write(tenant, () -> notifications.raise(tenant,
                TestTeam.draft("budget:tenant:monthly:2027-01:80", Role.ADMIN)));

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(nextPeriod).isPresent();
        assertThat(page(team, Role.OWNER)).extracting(Notification::id)
                .containsExactly(nextPeriod.get(), first.get());
    }

    @Test
    void billingNotificationsAreSeenByOwnersAndAdminsOnly() {
        TestTeam team = team();
        TenantId tenant = team.tenant();
        scope.write(tenant, () -> notifications.raise(tenant, TestTeam.draft("billing", Role.ADMIN)));
        scope.write(tenant, () -> notifications.raise(tenant, TestTeam.draft("handoff", Role.AGENT)));

        assertThat(page(team, Role.OWNER)).hasSize(2);
        assertThat(page(team, Role.ADMIN)).hasSize(2);
        assertThat(page(team, Role.AGENT)).hasSize(1);
        assertThat(page(team, Role.VIEWER)).isEmpty();
        assertThat(unread(team, Role.AGENT)).isEqualTo(1);
    }

    @Test
    void readStateBelongsToEachReader() {
        TestTeam team = team();
        TenantId tenant = team.tenant();
        UUID id = scope.write(tenant, () -> notifications.raise(tenant, TestTeam.draft("one", Role.ADMIN)))
                .orElseThrow();
        scope.write(tenant, () -> notifications.raise(tenant, TestTeam.draft("two", Role.ADMIN)));

        boolean marked = scope.write(tenant,
                () -> notifications.markRead(tenant, team.member(Role.OWNER), Role.OWNER, id));

        assertThat(marked).isTrue();
        assertThat(unread(team, Role.OWNER)).isEqualTo(1);
        assertThat(unread(team, Role.ADMIN)).isEqualTo(2);
        assertThat(page(team, Role.OWNER)).filteredOn(Notification::read).extracting(Notification::id)
                .containsExactly(id);
        assertThat(scope.read(tenant, () -> notifications.page(tenant, team.member(Role.OWNER), Role.OWNER, NEWEST,
                10, true))).extracting(Notification::id).doesNotContain(id).hasSize(1);
    }

    @Test
    void markingAllReadClearsTheUnreadCountOfThatReaderOnly() {
        TestTeam team = team();
        TenantId tenant = team.tenant();
        scope.write(tenant, () -> notifications.raise(tenant, TestTeam.draft("one", Role.AGENT)));
        scope.write(tenant, () -> notifications.raise(tenant, TestTeam.draft("two", Role.AGENT)));

        scope.writeVoid(tenant, () -> notifications.markAllRead(tenant, team.member(Role.AGENT), Role.AGENT));
        scope.writeVoid(tenant, () -> notifications.markAllRead(tenant, team.member(Role.AGENT), Role.AGENT));

        assertThat(unread(team, Role.AGENT)).isZero();
        assertThat(unread(team, Role.ADMIN)).isEqualTo(2);
    }

    @Test
    void aNotificationOfAnotherTenantOrAboveTheReadersRoleCannotBeMarkedRead() {
        TestTeam team = team();
        TestTeam other = team();
        UUID theirs = scope.write(other.tenant(), () -> notifications.raise(other.tenant(),
                TestTeam.draft("theirs", Role.AGENT))).orElseThrow();
        UUID billing = scope.write(team.tenant(), () -> notifications.raise(team.tenant(),
                TestTeam.draft("billing", Role.ADMIN))).orElseThrow();

        assertThat(scope.write(team.tenant(), () -> notifications.markRead(team.tenant(), team.member(Role.OWNER),
                Role.OWNER, theirs))).isFalse();
        assertThat(scope.write(team.tenant(), () -> notifications.markRead(team.tenant(), team.member(Role.AGENT),
                Role.AGENT, billing))).isFalse();
    }

    @Test
    void raisingPublishesATenantEventAndNoEmailJobWithoutSmtp() throws Exception {
        TestTeam team = team();
        TenantId tenant = team.tenant();
        try (Connection listen = TestDatabase.shared().openAppConnection()) {
            try (Statement statement = listen.createStatement()) {
                statement.execute("LISTEN " + TenantEvents.CHANNEL);
            }
            UUID id = scope.write(tenant, () -> notifications.raise(tenant, TestTeam.draft("event", Role.ADMIN)))
                    .orElseThrow();
            scope.write(tenant, () -> notifications.raise(tenant, TestTeam.draft("event", Role.ADMIN)));

            List<String> events = received(listen, tenant);
            assertThat(events).hasSize(1);
            assertThat(events.getFirst()).contains("\"type\":\"notification.created\"", id.toString(),
                    "\"kind\":\"billing.budget.threshold\"", "\"minRole\":\"admin\"");
        }
        assertThat(emailJobs(tenant)).isZero();
    }

    static long emailJobs(TenantId tenant) throws Exception {
        try (Connection db = TestDatabase.shared().openSuperuserConnection();
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM jobs WHERE kind = 'notification.email' "
                     + "AND tenant_id = '" + tenant.value() + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> received(Connection listen, TenantId tenant) throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < deadline) {
            PGNotification[] batch = listen.unwrap(PGConnection.class).getNotifications(100);
            for (PGNotification notification : batch == null ? new PGNotification[0] : batch) {
                if (notification.getParameter().contains(tenant.value().toString())) {
                    seen.add(notification.getParameter());
                }
            }
        }
        return seen;
    }

    private TestTeam team() {
        return TestTeam.create(scope, tenants, users, memberships);
    }

    private List<Notification> page(TestTeam team, Role role) {
        return scope.read(team.tenant(), () -> notifications.page(team.tenant(), team.member(role), role, NEWEST, 50,
                false));
    }

    private long unread(TestTeam team, Role role) {
        return scope.read(team.tenant(), () -> notifications.unreadCount(team.tenant(), team.member(role), role));
    }
}
