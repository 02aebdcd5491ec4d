package io.parley.worker.ingress.line;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The parts of LINE's webhook body Parley reads (shared/protocols README §1.2, line-openapi webhook.yml); other
 * fields are ignored. Everything is nullable: LINE omits fields per event type, and the mapper decides.
 */
final class LineWire {

    private LineWire() {
    }

    @Serdeable
    record Callback(@Nullable String destination, @Nullable List<Event> events) {
    }

    @Serdeable
    record Event(@Nullable String type, @Nullable String mode, @Nullable Long timestamp, @Nullable Source source,
                 @Nullable String webhookEventId, @Nullable DeliveryContext deliveryContext,
                 @Nullable String replyToken, @Nullable Message message, @Nullable Postback postback,
                 @Nullable Follow follow) {
    }

    @Serdeable
    record Source(@Nullable String type, @Nullable String userId, @Nullable String groupId,
                  @Nullable String roomId) {
    }

    @Serdeable
    record DeliveryContext(@JsonProperty("isRedelivery") @Nullable Boolean redelivery) {
    }

    @Serdeable
    record Message(@Nullable String id, @Nullable String type, @Nullable String text, @Nullable String quoteToken,
                   @Nullable String packageId, @Nullable String stickerId, @Nullable List<String> keywords,
                   @Nullable String fileName, @Nullable String title, @Nullable String address,
                   @Nullable Double latitude, @Nullable Double longitude) {
    }

    @Serdeable
    record Postback(@Nullable String data, @Nullable Map<String, String> params) {
    }

    @Serdeable
    record Follow(@JsonProperty("isUnblocked") @Nullable Boolean unblocked) {
    }
}
