package io.parley.api.channel;

import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderApi;
import io.parley.core.channel.ProviderEndpoints;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * WhatsApp Cloud API: {@code GET /{phone-number-id}?fields=display_phone_number,verified_name} with the access token
 * answers the number as Meta shows it. Error 190 (HTTP 401) is an invalid or expired token (protocols README
 * §2.6). The app secret cannot be checked here; webhook signatures prove it.
 */
@Singleton
final class WhatsAppCheck implements ProviderCheck {

    private final ProviderClient client;
    private final ProviderEndpoints endpoints;

    WhatsAppCheck(ProviderClient client, ProviderEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public Outcome check(Subject subject) {
        String phoneNumberId = subject.credentials().get("phoneNumberId");
        ProviderApi.Answer number = client.get(ChannelType.WHATSAPP, URI.create(endpoints.whatsappApiUrl() + "/"
                        + phoneNumberId + "?fields=display_phone_number,verified_name"),
                subject.credentials().get("accessToken"));
        String code = number.text("error", "code");
        String message = ProviderCheck.quoted(number.text("error", "message"));
        if (number.status() == 401 || "190".equals(code)) {
            return Outcome.unhealthy("WhatsApp rejected the access token (" + (code == null ? "401" : "code " + code)
                    + "): " + message + ". Create a system-user token that does not expire and save it here.");
        }
        if (!number.ok()) {
            return Outcome.unhealthy("WhatsApp refused phone number id " + phoneNumberId + " (" + number.status()
                    + (code == null ? "" : ", code " + code) + "): " + message);
        }
        String display = number.text("display_phone_number");
        String verifiedName = number.text("verified_name");
        return Outcome.healthy("Connected to the WhatsApp number " + display + " (" + verifiedName + "). Paste the "
                        + "webhook URL and verify token into the Meta app's WhatsApp webhook settings.",
                new ChannelWire.Account(phoneNumberId, verifiedName, display), phoneNumberId);
    }
}
