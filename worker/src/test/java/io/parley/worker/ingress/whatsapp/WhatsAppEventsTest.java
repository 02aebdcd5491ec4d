package io.parley.worker.ingress.whatsapp;

import io.parley.core.message.EventAttributes;
import io.parley.core.message.InboundEvent;
import io.parley.core.message.InboundEvent.Type;
import io.parley.worker.testing.Payloads;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** WhatsApp notifications (every fixture) → channel-neutral events. */
class WhatsAppEventsTest {

    private static final UUID CHANNEL = UUID.fromString("0190a1b2-0000-7000-8000-000000000002");
    private static final Instant RECEIVED = Instant.parse("2026-01-15T10:00:00Z");

    private static WhatsAppEvents.Mapped map(String fixture) {
        return WhatsAppEvents.map(CHANNEL, Payloads.fixture(fixture, WhatsAppWire.Notification.class), RECEIVED);
    }

    @Test
    void mapsATextMessageWithTheContactsProfileName() {
        InboundEvent event = map("whatsapp-webhook-text.json").events().getFirst();

        assertThat(event.type()).isEqualTo(Type.TEXT);
        assertThat(event.text()).isEqualTo("Café open today?");
        assertThat(event.providerEventId()).isEqualTo("wamid.FAKE000000000000000000000000000001");
        assertThat(event.providerMessageId()).isEqualTo("wamid.FAKE000000000000000000000000000001");
        assertThat(event.externalUserId()).isEqualTo("15551230001");
        assertThat(event.displayName()).isEqualTo("Test User");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1768469400L));
        assertThat(event.directChat()).isTrue();
        assertThat(event.attributes()).containsEntry(EventAttributes.PHONE_NUMBER_ID, "200000000000002");
    }

    @Test
    void buttonAndListRepliesArePostbacksWithTheirIds() {
        InboundEvent button = map("whatsapp-webhook-interactive-button-reply.json").events().getFirst();
        InboundEvent list = map("whatsapp-webhook-interactive-list-reply.json").events().getFirst();
        InboundEvent template = map("whatsapp-webhook-button.json").events().getFirst();

        assertThat(button.type()).isEqualTo(Type.POSTBACK);
        assertThat(button.postbackData()).isEqualTo("plan_pro");
        assertThat(button.text()).isEqualTo("Pro plan");
        assertThat(button.attributes()).containsEntry(EventAttributes.CONTEXT_MESSAGE_ID,
                "wamid.FAKE000000000000000000000000000900");
        assertThat(list.type()).isEqualTo(Type.POSTBACK);
        assertThat(list.postbackData()).isEqualTo("lang_ja");
        assertThat(template.type()).isEqualTo(Type.POSTBACK);
        assertThat(template.postbackData()).isEqualTo("RESUME_CHAT");
        assertThat(template.text()).isEqualTo("Resume chat");
    }

    @Test
    void eachStatusIsItsOwnEventKeyedByMessageAndStatus() {
        InboundEvent sent = map("whatsapp-webhook-status-sent.json").events().getFirst();
        InboundEvent delivered = map("whatsapp-webhook-status-delivered.json").events().getFirst();
        InboundEvent read = map("whatsapp-webhook-status-read.json").events().getFirst();

        assertThat(sent.type()).isEqualTo(Type.STATUS);
        assertThat(sent.providerEventId()).isEqualTo("wamid.FAKE000000000000000000000000000777:sent");
        assertThat(delivered.providerEventId()).isEqualTo("wamid.FAKE000000000000000000000000000777:delivered");
        assertThat(read.providerEventId()).isEqualTo("wamid.FAKE000000000000000000000000000777:read");
        assertThat(read.statusUpdate()).isEqualTo(new InboundEvent.StatusUpdate(
                "wamid.FAKE000000000000000000000000000777", "read", null, null));
        assertThat(read.occurredAt()).isEqualTo(Instant.ofEpochSecond(1768469445L));
        // The recipient is the contact: a status keys like its conversation's sends, so it runs after the one that
        // made it.
        InboundEvent inbound = map("whatsapp-webhook-text.json").events().getFirst();
        assertThat(sent.sendKey()).isEqualTo(inbound.sendKey());
    }

    @Test
    void aStatusCarriesTheBizOpaqueCallbackDataTheSendSet() {
        String body = io.parley.core.testing.Fixtures.text("whatsapp-webhook-status-sent.json").replaceFirst(
                "\"status\": \"sent\",", "\"status\": \"sent\", \"biz_opaque_callback_data\": \"broadcast:0193:42\",");

        InboundEvent sent = WhatsAppEvents.map(CHANNEL, Payloads.parse(body, WhatsAppWire.Notification.class),
                RECEIVED).events().getFirst();

        assertThat(sent.statusUpdate().callbackData()).isEqualTo("broadcast:0193:42");
        assertThat(map("whatsapp-webhook-status-sent.json").events().getFirst().statusUpdate().callbackData())
                .isNull();
    }

    @Test
    void failedStatusesCarryTheirError() {
        InboundEvent failed = map("whatsapp-webhook-status-failed.json").events().getFirst();
        InboundEvent undeliverable = map("whatsapp-webhook-status-failed-131026.json").events().getFirst();

        assertThat(failed.statusUpdate()).isEqualTo(new InboundEvent.StatusUpdate(
                "wamid.FAKE000000000000000000000000000778", "failed", "131047", "Re-engagement message"));
        assertThat(undeliverable.statusUpdate().errorCode()).isEqualTo("131026");
        assertThat(undeliverable.externalUserId()).isEqualTo("15551230099");
    }

    @Test
    void asynchronousErrorsAreReportedNotStored() {
        WhatsAppEvents.Mapped mapped = map("whatsapp-webhook-value-errors-130429.json");

        assertThat(mapped.events()).isEmpty();
        assertThat(mapped.errors()).containsExactly("130429 Rate limit hit");
    }

    @Test
    void mapsEveryEntryChangeMessageAndStatusOfOneNotification() {
        String text = io.parley.core.testing.Fixtures.text("whatsapp-webhook-text.json");
        String status = io.parley.core.testing.Fixtures.text("whatsapp-webhook-status-sent.json");
        String entryOfText = text.substring(text.indexOf("[{\"id\"") + 1, text.lastIndexOf(']'));
        String entryOfStatus = status.substring(status.indexOf('[', status.indexOf("\"entry\"")) + 1,
                status.lastIndexOf(']'));
        String both = "{\"object\":\"whatsapp_business_account\",\"entry\":[" + entryOfText + "," + entryOfStatus + "]}";

        WhatsAppEvents.Mapped mapped = WhatsAppEvents.map(CHANNEL,
                Payloads.parse(both, WhatsAppWire.Notification.class), RECEIVED);

        assertThat(mapped.events()).extracting(InboundEvent::type).containsExactly(Type.TEXT, Type.STATUS);
    }

    @Test
    void unknownMessageTypesAreUnknownAndBadTimestampsFallBackToReceipt() {
        String reaction = io.parley.core.testing.Fixtures.text("whatsapp-webhook-text.json")
                .replace("\"type\":\"text\"", "\"type\":\"reaction\"").replace("\"1768469400\"", "\"soon\"");

        InboundEvent event = WhatsAppEvents.map(CHANNEL, Payloads.parse(reaction, WhatsAppWire.Notification.class),
                RECEIVED).events().getFirst();

        assertThat(event.type()).isEqualTo(Type.UNKNOWN);
        assertThat(event.attributes()).containsEntry(EventAttributes.PROVIDER_TYPE, "reaction");
        assertThat(event.occurredAt()).isEqualTo(RECEIVED);
    }
}
