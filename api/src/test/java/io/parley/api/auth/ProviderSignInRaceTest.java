package io.parley.api.auth;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.FakeIdentityProvider;
import io.parley.api.testing.FakeIdentityProvider.User;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two first sign-ins of one provider identity at once (two tabs, a double click) end with one user, and both
 * browsers signed in as that user: the loser of the race on the unique indexes signs in again instead of a 500.
 */
@MicronautTest(transactional = false)
class ProviderSignInRaceTest extends ProviderTestBase {

    /** Several pairs: each pair races; one lucky ordering must not make the test pass by chance. */
    private static final int PAIRS = 5;

    @Test
    void twoConcurrentFirstSignInsOfOneIdentityEndWithOneUserAndBothSignedIn() throws Exception {
        for (int pair = 0; pair < PAIRS; pair++) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            IDP.nextUser(new User("sub-race-" + id, "race-" + id + "@example.com", true, "Race " + id));
            List<ProviderSignInFlow.Round> rounds = List.of(flow().toProvider("acme-sso", null),
                    flow().toProvider("acme-sso", null));

            List<Reply> callbacks = atOnce(rounds);

            assertThat(callbacks).as("pair %d", pair).extracting(Reply::status).containsExactly(302, 302);
            List<String> users = new ArrayList<>();
            for (Reply callback : callbacks) {
                Map<String, String> fragment = FakeIdentityProvider.fragmentOf(callback.header("Location"));
                assertThat(fragment).as("pair %d", pair).containsKey("code");
                Reply tokens = api().post("/api/v1/auth/oauth/exchange", null, Map.of("code", fragment.get("code")));
                assertThat(tokens.status()).as(tokens.text()).isEqualTo(200);
                assertThat(tokens.string("user.email")).isEqualTo("race-" + id + "@example.com");
                users.add(tokens.string("user.id"));
            }
            assertThat(users.get(1)).as("pair %d: one user", pair).isEqualTo(users.get(0));
        }
    }

    /** Both callbacks released together, each on its own thread. */
    private List<Reply> atOnce(List<ProviderSignInFlow.Round> rounds) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService browsers = Executors.newFixedThreadPool(rounds.size())) {
            List<Future<Reply>> pending = new ArrayList<>();
            for (ProviderSignInFlow.Round round : rounds) {
                pending.add(browsers.submit(() -> {
                    go.await();
                    return api().send("GET", round.callbackPath(), null, null, Map.of("Cookie", round.cookie()));
                }));
            }
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : pending) {
                replies.add(reply.get());
            }
            return replies;
        }
    }
}
