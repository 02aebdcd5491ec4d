package io.parley.api.push;

import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.webpush.PushSubscription;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/push. */
final class PushWire {

    private PushWire() {
    }

    @Serdeable
    @Schema(name = "PushPublicKey", description = "The server's VAPID public key (RFC 8292), the "
            + "applicationServerKey of PushManager.subscribe")
    record PublicKeyResponse(
            @Schema(requiredMode = REQUIRED, description = "base64url of the 65-byte uncompressed P-256 point",
                    example = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8")
            String publicKey) {
    }

    @Serdeable
    @Schema(name = "PushSubscriptionKeys", description = "The browser's keys, as PushSubscription.toJSON() gives them")
    record Keys(
            @NotBlank @Size(max = 100) @Schema(requiredMode = REQUIRED,
                    description = "base64url of the browser's 65-byte P-256 public key") String p256dh,
            @NotBlank @Size(max = 40) @Schema(requiredMode = REQUIRED,
                    description = "base64url of the browser's 16-byte auth secret") String auth) {
    }

    @Serdeable
    @Schema(name = "PushSubscriptionCreate", description = "A browser's push subscription (endpoint and keys of "
            + "PushSubscription.toJSON(); send no other property)")
    record SubscriptionCreate(
            @NotBlank @Size(max = 2048) @Schema(requiredMode = REQUIRED, description = "the push service's https URL "
                    + "for this browser", example = "https://fcm.googleapis.com/fcm/send/dGhpcyBpcyBhIHRlc3Q")
            String endpoint,
            @NotNull @Valid Keys keys) { // not @Schema on the field: it would name the type PushWireKeys
    }

    @Serdeable
    @Schema(name = "PushSubscription", description = "One of your browsers that gets notifications as Web Push")
    record SubscriptionResponse(
            @Schema(requiredMode = REQUIRED, example = "01934f6e-7777-7c2d-9e3f-4a5b6c7d8e9f") String id,
            @Schema(requiredMode = REQUIRED, description = "the push service's URL for this browser") String endpoint,
            @Schema(requiredMode = REQUIRED) Instant createdAt,
            @Schema(requiredMode = REQUIRED) Instant updatedAt) {

        static SubscriptionResponse of(PushSubscription subscription) {
            return new SubscriptionResponse(subscription.id().toString(), subscription.endpoint(),
                    subscription.createdAt(), subscription.updatedAt());
        }
    }

    @Serdeable
    @Schema(name = "PushSubscriptionList", description = "Your subscriptions in this workspace, newest first")
    record SubscriptionList(@Schema(requiredMode = REQUIRED) List<SubscriptionResponse> items) {
    }
}
