package io.parley.worker.ingress.telegram;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.Fixtures;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerClient.Reply;
import io.parley.worker.testing.WorkerTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /webhooks/telegram/{channelId}: the secret token header, one update = one event. */
@MicronautTest(transactional = false)
class TelegramWebhookTest extends WorkerTest {

    @Test
    void storesAnUpdateWithTheRightSecretOnceEvenIfDeliveredTwice() {
        Channels.Created channel = channels().telegram();

        Reply first = post(channel.id(), "telegram-update-message-text.json", Channels.TELEGRAM_SECRET);
        Reply again = post(channel.id(), "telegram-update-message-text.json", Channels.TELEGRAM_SECRET);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(rows().events(channel.id())).singleElement()
                .satisfies(event -> assertThat(event.get("provider_event_id")).isEqualTo("900000001"));
        assertThat(rows().jobs(channel.tenant().value())).singleElement().satisfies(job -> {
            assertThat(job.get("unique_key")).isEqualTo("in:" + channel.id() + ":900000001");
            assertThat(job.get("serial_key")).isEqualTo("conv:" + channel.id() + ":100000001");
        });
    }

    @Test
    void startIsStoredAsAFollow() {
        Channels.Created channel = channels().telegram();

        assertThat(post(channel.id(), "telegram-update-command-start.json", Channels.TELEGRAM_SECRET).status())
                .isEqualTo(200);
        assertThat(rows().events(channel.id())).extracting(event -> event.get("kind")).containsExactly("follow");
    }

    @Test
    void rejectsAWrongOrMissingSecretAndStoresNothing() {
        Channels.Created channel = channels().telegram();

        Reply wrong = post(channel.id(), "telegram-update-message-text.json", "fake_tg_secret-tenant_42-0002");
        Reply otherCase = post(channel.id(), "telegram-update-message-text.json", "FAKE_TG_SECRET-TENANT_42-0001");
        Reply missing = http().post("webhooks/telegram/" + channel.id(),
                Fixtures.bytes("telegram-update-message-text.json"), Map.of());

        for (Reply reply : List.of(wrong, otherCase, missing)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/invalid-signature");
        }
        assertThat(rows().events(channel.id())).isEmpty();
    }

    @Test
    void aChannelWithoutAWebhookSecretAcceptsNothing() {
        Channels.Created unverified = channels().create(io.parley.core.channel.ChannelType.TELEGRAM,
                Map.of("botToken", "7000000002:AAfake"), null);

        assertThat(post(unverified.id(), "telegram-update-message-text.json", "").status()).isEqualTo(401);
    }

    @Test
    void unknownUpdatesAreAcknowledgedAndMalformedOnesAreBadRequests() {
        Channels.Created channel = channels().telegram();

        Reply poll = http().post("webhooks/telegram/" + channel.id(), "{\"update_id\":5,\"poll\":{\"id\":\"1\"}}",
                Map.of(TelegramWebhookController.SECRET_TOKEN, Channels.TELEGRAM_SECRET));
        Reply malformed = http().post("webhooks/telegram/" + channel.id(), "{\"update_id\":\"five\"",
                Map.of(TelegramWebhookController.SECRET_TOKEN, Channels.TELEGRAM_SECRET));
        Reply notFound = post(UUID.randomUUID(), "telegram-update-message-text.json", Channels.TELEGRAM_SECRET);

        assertThat(poll.status()).isEqualTo(200);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(rows().events(channel.id())).extracting(event -> event.get("kind")).containsExactly("unknown");
    }

    private Reply post(UUID channelId, String fixture, String secret) {
        return http().post("webhooks/telegram/" + channelId, Fixtures.bytes(fixture),
                Map.of(TelegramWebhookController.SECRET_TOKEN, secret));
    }
}
