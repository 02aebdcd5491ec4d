package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.MembershipRepository;
import io.parley.core.account.UserRepository;
import io.parley.core.flow.Flow;
import io.parley.core.flow.Step;
import io.parley.core.flow.Trigger;
import io.parley.core.notification.Notification;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.webpush.PushEncryption;
import io.parley.core.webpush.PushSubscriptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hand-off to a person notifies the members who can answer — agents, admins and owners, not viewers — in the bell
 * and, with SMTP configured, by one email job each (the email itself is NotificationEmailTest's, with GreenMail), and
 * by one Web Push job per browser they subscribed (the push itself is WebPushDeliveryTest's).
 */
@MicronautTest(transactional = false)
class HandoffNotificationTest extends TurnTest {

    private static final UUID NEWEST = new UUID(-1L, -1L);

    @Inject
    Notifications notifications;
    @Inject
    UserRepository users;
    @Inject
    MembershipRepository memberships;
    @Inject
    PushSubscriptions subscriptions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.smtp.host", "127.0.0.1"); // the queue is off here: nothing is sent
        properties.put("parley.smtp.port", "2525");
        return properties;
    }

    @Test
    void aHandOffNotifiesEveryoneWhoCanAnswerOnce() {
        World world = world(BotSpec.demo(), "web");
        flow(world, new Flow(Ids.next(), "human", true, 0,
                new Trigger.Keyword(List.of("human"), Trigger.Match.CONTAINS),
                List.of(new Step.Handoff("A person will reply shortly."))));
        Map<Role, UUID> members = new HashMap<>();
        scope.writeVoid(world.tenant(), () -> {
            for (Role role : Role.values()) {
                UUID user = Ids.next();
                users.insert(user, role.wireName() + "-" + user + "@example.com", "x", null);
                memberships.insert(world.tenant().value(), user, role.wireName());
                members.put(role, user);
            }
        });

        UUID agentDevice = subscribe(world, members.get(Role.AGENT), "agent");
        subscribe(world, members.get(Role.VIEWER), "viewer");

        UUID inbound = say(world, "U1", "I want a human");
        run(world, inbound); // the same event again (a re-run): no second notification

        UUID conversation = conversation(world, inbound).id();
        List<Notification> agentSees = scope.read(world.tenant(), () -> notifications.page(world.tenant(),
                members.get(Role.AGENT), Role.AGENT, NEWEST, 10, false));
        assertThat(agentSees).singleElement().satisfies(notification -> {
            assertThat(notification.kind()).isEqualTo("conversation.handoff");
            assertThat(notification.title()).isEqualTo("Mei Lin asks for a person");
            assertThat(notification.link()).isEqualTo("/inbox/" + conversation);
            assertThat(notification.params()).containsEntry("botName", "Mei").containsEntry("channel", "web");
        });
        assertThat(scope.read(world.tenant(), () -> notifications.page(world.tenant(), members.get(Role.VIEWER),
                Role.VIEWER, NEWEST, 10, false))).isEmpty();
        assertThat(jobArgs(world, "notification.email", "userId")).containsExactlyInAnyOrder(
                members.get(Role.OWNER).toString(), members.get(Role.ADMIN).toString(),
                members.get(Role.AGENT).toString());
        assertThat(jobArgs(world, "notification.webpush", "subscriptionId")).containsExactly(agentDevice.toString());
    }

    private UUID subscribe(World world, UUID member, String device) {
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(
                PushEncryption.uncompressed((ECPublicKey) PushEncryption.newKeyPair().getPublic()));
        return scope.write(world.tenant(), () -> subscriptions.save(world.tenant(), member,
                "https://push.example/send/" + device + "-" + member, key, "AAAAAAAAAAAAAAAAAAAAAA")).subscription().id();
    }

    private List<String> jobArgs(World world, String kind, String field) {
        return scope.read(world.tenant(), () -> {
            List<String> users = new ArrayList<>();
            try (PreparedStatement select = dataSource.getConnection().prepareStatement(
                    "SELECT args ->> ? FROM jobs WHERE tenant_id = ? AND kind = ?")) {
                select.setString(1, field);
                select.setObject(2, world.tenant().value());
                select.setString(3, kind);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        users.add(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return users;
        });
    }
}
