package io.parley.api.channel;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.channel.ChannelType;

/**
 * Checks a channel's stored credentials against its provider. One implementation per channel type.
 *
 * <p>Contract: answers healthy or unhealthy with a detail a person can act on; throws the provider-unreachable
 * {@link io.parley.http.problem.ProblemException} (502) when the provider gives no usable answer, which says nothing
 * about the credentials. Never puts a secret into a detail or a log.
 */
interface ProviderCheck {

    ChannelType type();

    Outcome check(Subject subject);

    /** A provider's own explanation for a detail, cut short; providers do not echo tokens in them. */
    static String quoted(@Nullable String explanation) {
        if (explanation == null || explanation.isBlank()) {
            return "no explanation given";
        }
        String text = explanation.strip();
        return "\"" + (text.length() > 300 ? text.substring(0, 300) + "…" : text) + "\"";
    }

    /** What is checked: the credentials and the URL the provider should post to. */
    record Subject(ChannelCredentials credentials, String webhookUrl) {
    }

    /**
     * The verdict. A healthy check may learn the account's id ({@code externalId}) and may add a generated value
     * to the credentials (Telegram's webhook secret), to be stored with the verdict.
     */
    record Outcome(boolean healthy, String detail, @Nullable ChannelWire.Account account, @Nullable String externalId,
                   @Nullable ChannelCredentials credentials) {

        static Outcome healthy(String detail, @Nullable ChannelWire.Account account, @Nullable String externalId) {
            return new Outcome(true, detail, account, externalId, null);
        }

        static Outcome unhealthy(String detail) {
            return new Outcome(false, detail, null, null, null);
        }

        Outcome storing(ChannelCredentials updated) {
            return new Outcome(healthy, detail, account, externalId, updated);
        }
    }
}
