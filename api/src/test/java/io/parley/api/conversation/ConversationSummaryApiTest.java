package io.parley.api.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.Teams;
import io.parley.core.summary.ConversationSummaryRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation's long-memory summary: every member reads it, agents correct it, other tenants never see it. */
@MicronautTest(transactional = false)
class ConversationSummaryApiTest extends InboxTest {

    @Inject
    ConversationSummaryRepository summaries;

    @Test
    void theSummaryTheJobWroteIsReadAndAnAgentCorrectsIt() {
        Session owner = api().signup("Summary Co");
        Session agent = new Teams(api()).addMember(owner, "agent");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        String conversation = conversation(channel(owner.tenantId()), "U1", "Mei", "hello");
        TenantId tenant = tenant(owner.tenantId());
        UUID upTo = Ids.next();
        scope.writeVoid(tenant, () -> summaries.advance(tenant.value(), UUID.fromString(conversation),
                "Mei is a nurse.", upTo, "gpt-4o-mini"));
        String path = "/api/v1/conversations/" + conversation + "/summary";

        Reply read = api().get(path, viewer.accessToken());
        Reply edited = api().send("PUT", path, agent.accessToken(), Map.of("summary", "Mei is a night-shift nurse."),
                Map.of());

        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.body()).containsEntry("summary", "Mei is a nurse.").containsEntry("source", "llm")
                .containsEntry("model", "gpt-4o-mini").containsEntry("upToMessageId", upTo.toString());
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        assertThat(edited.body()).containsEntry("summary", "Mei is a night-shift nurse.")
                .containsEntry("source", "agent").containsEntry("upToMessageId", upTo.toString());
        assertThat(api().get(path, viewer.accessToken()).string("summary")).isEqualTo("Mei is a night-shift nurse.");
        assertThat(api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().getFirst().get("action"))
                .isEqualTo("conversation.summary_updated");
    }

    @Test
    void aConversationWithoutASummaryHasAnEmptyOne() {
        Session owner = api().signup("No Summary Co");
        String conversation = conversation(channel(owner.tenantId()), "U1", "Kai", "hi");

        Reply read = api().get("/api/v1/conversations/" + conversation + "/summary", owner.accessToken());

        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.body()).containsEntry("summary", "").containsEntry("source", null);
    }

    @Test
    void viewersCannotEditAndTooLongOrUnknownFieldsAreRefused() {
        Session owner = api().signup("Summary Rules Co");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        String path = "/api/v1/conversations/" + conversation(channel(owner.tenantId()), "U1", "Lin", "hi")
                + "/summary";

        assertProblem(api().send("PUT", path, viewer.accessToken(), Map.of("summary", "x"), Map.of()), 403,
                "forbidden");
        assertFieldError(api().send("PUT", path, owner.accessToken(), Map.of("summary", "x".repeat(8001)), Map.of()),
                "summary");
        assertThat(api().send("PUT", path, owner.accessToken(), Map.of("summary", "x", "extra", 1), Map.of())
                .status()).isEqualTo(400);
        assertThat(api().get(path, owner.accessToken()).string("summary")).isEmpty();
    }

    @Test
    void anotherTenantsConversationIsNotFound() {
        Session owner = api().signup("Summary Owner Co");
        String conversation = conversation(channel(owner.tenantId()), "U1", "Mei", "hello");
        TenantId tenant = tenant(owner.tenantId());
        scope.writeVoid(tenant, () -> summaries.edit(tenant.value(), UUID.fromString(conversation), "Private.", null));
        Session stranger = api().signup("Summary Stranger Co");
        String path = "/api/v1/conversations/" + conversation + "/summary";

        Reply theirs = api().get(path, stranger.accessToken());
        Reply overwrite = api().send("PUT", path, stranger.accessToken(), Map.of("summary", "Mine now"), Map.of());

        assertProblem(theirs, 404, "not-found");
        assertProblem(overwrite, 404, "not-found");
        assertThat(api().get(path, owner.accessToken()).string("summary")).isEqualTo("Private.");
    }
}
