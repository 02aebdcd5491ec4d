package io.parley.api.cannedreply;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class CannedReplyApiTest extends ApiTest {

    private static final String PATH = "/api/v1/canned-replies";

    @Test
    void agentsKeepCannedRepliesInAnyLanguageAndEveryMemberReadsThemByShortcut() {
        Session owner = api().signup("Canned Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Session viewer = new Teams(api()).addMember(owner, "viewer");

        Reply hours = api().post(PATH, agent.accessToken(), Map.of("shortcut", "/hours",
                "text", "我們的營業時間是週一至週五 9:00–18:00。"));
        api().post(PATH, agent.accessToken(), Map.of("shortcut", "address", "text", "12 Main St."));
        Reply renamed = api().patch(PATH + "/" + hours.string("id"), agent.accessToken(),
                Map.of("shortcut", "opening-hours"));

        assertThat(hours.status()).as(hours.text()).isEqualTo(201);
        assertThat(hours.string("shortcut")).as("the typed / is dropped").isEqualTo("hours");
        assertThat(renamed.string("shortcut")).isEqualTo("opening-hours");
        assertThat(renamed.string("text")).isEqualTo("我們的營業時間是週一至週五 9:00–18:00。");
        assertThat(api().get(PATH, viewer.accessToken()).items()).extracting(r -> r.get("shortcut"))
                .containsExactly("address", "opening-hours");
        assertThat(api().delete(PATH + "/" + hours.string("id"), agent.accessToken()).status()).isEqualTo(204);
        assertThat(api().get(PATH, viewer.accessToken()).items()).extracting(r -> r.get("shortcut"))
                .containsExactly("address");
    }

    @Test
    void pagesFollowTheShortcutOrder() {
        Session owner = api().signup("Canned Paging Co");
        for (String shortcut : new String[] {"c", "a", "b"}) {
            api().post(PATH, owner.accessToken(), Map.of("shortcut", shortcut, "text", shortcut));
        }

        Reply first = api().get(PATH + "?limit=2", owner.accessToken());
        Reply second = api().get(PATH + "?limit=2&cursor=" + first.string("nextCursor"), owner.accessToken());

        assertThat(first.items()).extracting(r -> r.get("shortcut")).containsExactly("a", "b");
        assertThat(second.items()).extracting(r -> r.get("shortcut")).containsExactly("c");
        assertThat(second.at("nextCursor")).isNull();
    }

    @Test
    void shortcutsAreUniqueAndWellFormedAndViewersChangeNothing() {
        Session owner = api().signup("Canned Rules Co");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        Reply first = api().post(PATH, owner.accessToken(), Map.of("shortcut", "hi", "text", "Hello!"));
        Reply other = api().post(PATH, owner.accessToken(), Map.of("shortcut", "bye", "text", "Bye!"));

        assertProblem(api().post(PATH, owner.accessToken(), Map.of("shortcut", "hi", "text", "Again")), 409,
                "conflict");
        assertProblem(api().patch(PATH + "/" + other.string("id"), owner.accessToken(), Map.of("shortcut", "hi")),
                409, "conflict");
        assertFieldError(api().post(PATH, owner.accessToken(), Map.of("shortcut", "Has Space", "text", "x")),
                "shortcut");
        assertFieldError(api().post(PATH, owner.accessToken(), Map.of("shortcut", "ok", "text", " ")), "text");
        assertProblem(api().post(PATH, viewer.accessToken(), Map.of("shortcut", "v", "text", "v")), 403,
                "forbidden");
        assertProblem(api().patch(PATH + "/" + first.string("id"), viewer.accessToken(), Map.of("text", "v")), 403,
                "forbidden");
        assertProblem(api().delete(PATH + "/" + first.string("id"), viewer.accessToken()), 403, "forbidden");
    }

    @Test
    void anotherTenantsCannedRepliesAreNotFoundAndNeverListed() {
        Session ownerA = api().signup("Canned A");
        Session ownerB = api().signup("Canned B");
        String idB = api().post(PATH, ownerB.accessToken(), Map.of("shortcut", "secret", "text", "B only"))
                .string("id");

        assertProblem(api().get(PATH + "/" + idB, ownerA.accessToken()), 404, "not-found");
        assertProblem(api().patch(PATH + "/" + idB, ownerA.accessToken(), Map.of("text", "A")), 404, "not-found");
        assertProblem(api().delete(PATH + "/" + idB, ownerA.accessToken()), 404, "not-found");
        assertThat(api().get(PATH, ownerA.accessToken()).items()).isEmpty();
        assertThat(api().get(PATH + "/" + idB, ownerB.accessToken()).string("text")).isEqualTo("B only");
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/" + type);
    }

    private static void assertFieldError(Reply reply, String field) {
        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.string("errors.0.field")).as(reply.text()).isEqualTo(field);
    }
}
