package io.parley.api.bot;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot's quota message: its own field beside the limit message, set, kept by patches, removed with null. */
@MicronautTest(transactional = false)
class BotQuotaMessageTest extends ApiTest {

    @Test
    void theQuotaMessageIsStoredApartFromTheLimitMessage() {
        Session owner = api().signup("Quota Message Co");
        Reply created = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Lumi",
                "limitMessage", "That's 20 messages today.", "quotaMessage", "We're fully booked this month."));
        String id = created.string("id");

        Reply renamed = api().patch("/api/v1/bots/" + id, owner.accessToken(), Map.of("name", "Lumi 2"));
        Map<String, Object> remove = new HashMap<>();
        remove.put("quotaMessage", null);
        Reply removed = api().patch("/api/v1/bots/" + id, owner.accessToken(), remove);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("quotaMessage")).isEqualTo("We're fully booked this month.");
        assertThat(created.string("limitMessage")).isEqualTo("That's 20 messages today.");
        assertThat(renamed.string("quotaMessage")).isEqualTo("We're fully booked this month.");
        assertThat(removed.body()).containsEntry("quotaMessage", null)
                .containsEntry("limitMessage", "That's 20 messages today.");
        assertThat(api().patch("/api/v1/bots/" + id, owner.accessToken(), Map.of("quotaMessage", "x".repeat(2001)))
                .status()).isEqualTo(400);
    }
}
