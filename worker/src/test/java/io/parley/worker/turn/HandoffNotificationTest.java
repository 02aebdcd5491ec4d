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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hand-off to a person notifies the members who can answer — agents, admins and owners, not viewers — in the bell
 * and, with SMTP configured, by one email job each (the email itself is NotificationEmailTest's, with GreenMail).
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
        assertThat(emailedUsers(world)).containsExactlyInAnyOrder(members.get(Role.OWNER).toString(),
                members.get(Role.ADMIN).toString(), members.get(Role.AGENT).toString());
    }

    private List<String> emailedUsers(World world) {
        return scope.read(world.tenant(), () -> {
            List<String> users = new ArrayList<>();
            try (PreparedStatement select = dataSource.getConnection().prepareStatement(
                    "SELECT args ->> 'userId' FROM jobs WHERE tenant_id = ? AND kind = 'notification.email'")) {
                select.setObject(1, world.tenant().value());
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
