package io.parley.api.channel;

import io.parley.core.channel.ChannelType;
import jakarta.inject.Singleton;

/** Web chat has no provider: the widget talks to Parley itself, so there is nothing to check. */
@Singleton
final class WebCheck implements ProviderCheck {

    /** What a web chat's health says, from its creation on. */
    static final String DETAIL = "Web chat needs no provider; paste the embed snippet into your site.";

    @Override
    public ChannelType type() {
        return ChannelType.WEB;
    }

    @Override
    public Outcome check(Subject subject) {
        return Outcome.healthy(DETAIL, null, null);
    }
}
