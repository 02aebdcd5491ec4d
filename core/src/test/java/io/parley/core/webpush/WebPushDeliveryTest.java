package io.parley.core.webpush;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.account.MembershipRepository;
import io.parley.core.account.TenantRepository;
import io.parley.core.account.UserRepository;
import io.parley.core.notification.NotificationDraft;
import io.parley.core.notification.NotificationDraft.Severity;
import io.parley.core.notification.Notifications;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification reaches the browsers of the members who see it through a push service speaking the real protocol
 * ({@link FakePushService}: HTTPS, VAPID checked, body decrypted with each browser's keys), in each member's language;
 * a gone subscription is deleted, a rate-limited push retried after Retry-After.
 */
@MicronautTest(transactional = false)
class WebPushDeliveryTest implements DatabaseTest {

    private FakePushService push;

    @Inject
    Notifications notifications;
    @Inject
    PushSubscriptions subscriptions;
    @Inject
    WebPush webPush;
    @Inject
    TenantScope scope;
    @Inject
    TenantRepository tenants;
    @Inject
    UserRepository users;
    @Inject
    MembershipRepository memberships;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        try {
            push = new FakePushService();
            PushServiceTls.trusted = push.clientTls();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.test.webpush-tls", "true");
        properties.put("parley.public-url", "https://parley.example/");
        properties.put("parley.webpush.subject", "mailto:ops@parley.example");
        properties.put("parley.webpush.ttl", "90m");
        properties.put("parley.webpush.timeout", "2s");
        return properties;
    }

    @AfterEach
    void nothingWasRefused() {
        assertThat(push.refused()).isEmpty();
    }

    @AfterAll
    void stopPushService() {
        push.close();
    }

    @Test
    void aHandOffIsPushedToEveryoneWhoCanAnswerEncryptedAndInTheirLanguage() throws Exception {
        Team team = team(Map.of(Role.AGENT, "zh-Hant"));
        String owner = subscribe(team, Role.OWNER);
        String agent = subscribe(team, Role.AGENT);
        String viewer = subscribe(team, Role.VIEWER);
        UUID conversation = Ids.next();

        scope.write(team.tenant(), () -> notifications.raise(team.tenant(), handoff(conversation)));

        FakePushService.Received toOwner = push.await(owner, 1, 15_000).getFirst();
        assertThat(read(toOwner)).containsEntry("title", "Mei asks for a person")
                .containsEntry("body", "Mei asked for a person on line (bot Lumi). Answer in the inbox.")
                .containsEntry("url", "https://parley.example/inbox/" + conversation)
                .containsEntry("kind", "conversation.handoff");
        assertThat(toOwner.vapidKey()).isEqualTo(webPush.publicKey().orElseThrow());
        assertThat(toOwner.claims()).contains("\"sub\":\"mailto:ops@parley.example\"")
                .contains("\"aud\":\"" + push.origin() + "\"");
        assertThat(toOwner.header("TTL")).isEqualTo("5400");
        assertThat(toOwner.header("Urgency")).isEqualTo("high");
        assertThat(toOwner.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(read(push.await(agent, 1, 15_000).getFirst())).containsEntry("title", "Mei 想與真人對話")
                .containsEntry("body", "機器人 Lumi 已在此對話中暫停，請到收件匣回覆。");
        Thread.sleep(500);
        assertThat(push.received(viewer)).isEmpty();
        assertThat(push.received(owner)).hasSize(1);
    }

    @Test
    void aSubscriptionThePushServiceSaysIsGoneIsDeleted() throws Exception {
        Team team = team(Map.of());
        String owner = subscribe(team, Role.OWNER);
        push.answerNext(owner, 410, null);

        scope.write(team.tenant(), () -> notifications.raise(team.tenant(), handoff(Ids.next())));

        assertThat(push.await(owner, 1, 15_000)).hasSize(1);
        assertThat(awaitNoSubscriptions(team, Role.OWNER)).isEmpty();
    }

    @Test
    void aRateLimitedPushIsRetriedAfterRetryAfter() throws Exception {
        Team team = team(Map.of());
        String owner = subscribe(team, Role.OWNER);
        push.answerNext(owner, 429, "2");

        scope.write(team.tenant(), () -> notifications.raise(team.tenant(), handoff(Ids.next())));

        List<FakePushService.Received> tries = push.await(owner, 2, 20_000);
        assertThat(tries).hasSize(2);
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(read(tries.get(1))).containsEntry("title", "Mei asks for a person");
        assertThat(scope.read(team.tenant(), () -> subscriptions.list(team.tenant(), team.member(Role.OWNER))))
                .hasSize(1);
    }

    @Test
    void aPushServiceThatDoesNotAnswerWithinTheTimeoutIsTriedAgain() throws Exception {
        Team team = team(Map.of());
        String owner = subscribe(team, Role.OWNER);
        push.stallNext(owner, 4_000);

        scope.write(team.tenant(), () -> notifications.raise(team.tenant(), handoff(Ids.next())));

        List<FakePushService.Received> tries = push.await(owner, 2, 30_000);
        assertThat(tries).hasSize(2); // with the default 10 s timeout the stalled 201 would have been the only try
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aBillingNotificationIsPushedToOwnersAndAdminsOnly() throws Exception {
        Team team = team(Map.of());
        String admin = subscribe(team, Role.ADMIN);
        String agent = subscribe(team, Role.AGENT);

        scope.write(team.tenant(), () -> notifications.raise(team.tenant(), new NotificationDraft(
                "billing.quota.exhausted", Severity.CRITICAL, Role.ADMIN, "Plan quota used up", "Upgrade.",
                Map.of("period", "2026-12"), "/billing", "quota:" + Ids.next())));

        assertThat(read(push.await(admin, 1, 15_000).getFirst())).containsEntry("url", "https://parley.example/billing");
        Thread.sleep(500);
        assertThat(push.received(agent)).isEmpty();
    }

    private List<PushSubscription> awaitNoSubscriptions(Team team, Role role) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        List<PushSubscription> left;
        do {
            Thread.sleep(100);
            left = scope.read(team.tenant(), () -> subscriptions.list(team.tenant(), team.member(role)));
        } while (!left.isEmpty() && System.currentTimeMillis() < deadline);
        return left;
    }

    private Map<String, Object> read(FakePushService.Received received) throws Exception {
        return json.readValue(received.json(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
    }

    private static NotificationDraft handoff(UUID conversation) {
        return new NotificationDraft("conversation.handoff", Severity.WARNING, Role.AGENT, "Mei asks for a person",
                "Mei asked for a person on line (bot Lumi). Answer in the inbox.",
                Map.of("contactName", "Mei", "botName", "Lumi", "conversationId", conversation.toString()),
                "/inbox/" + conversation, "handoff:" + Ids.next());
    }

    /** A browser of the team's member of {@code role}, subscribed; the fake push service's name for it. */
    private String subscribe(Team team, Role role) {
        String browser = role.wireName() + "-" + Ids.next();
        BrowserSubscription keys = push.subscribe(browser);
        scope.write(team.tenant(), () -> subscriptions.save(team.tenant(), team.member(role), push.endpoint(browser),
                keys.p256dhBase64(), keys.authBase64()));
        return browser;
    }

    record Team(TenantId tenant, Map<Role, UUID> members) {
        UUID member(Role role) {
            return members.get(role);
        }
    }

    private Team team(Map<Role, String> languages) {
        TenantId tenant = new TenantId(Ids.next());
        Map<Role, UUID> members = new EnumMap<>(Role.class);
        scope.writeVoid(tenant, () -> {
            tenants.insert(tenant.value(), "Push " + tenant.value().toString().substring(0, 8));
            for (Role role : Role.values()) {
                UUID user = Ids.next();
                users.insertWithLanguage(user, role.wireName() + "@" + tenant.value() + ".test", "x", null,
                        languages.getOrDefault(role, "en"));
                memberships.insert(tenant.value(), user, role.wireName());
                members.put(role, user);
            }
        });
        return new Team(tenant, members);
    }

}
