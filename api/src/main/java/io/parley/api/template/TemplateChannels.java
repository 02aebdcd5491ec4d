package io.parley.api.template;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.bot.BotRepository;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.SealedCredentials;
import io.parley.core.secrets.SecretUnreadableException;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which WhatsApp channels of a bot hold templates, and the Business Account id and token to reach them with. Call
 * the finders inside the tenant's scope; another tenant's or bot's ids are 404 like unknown ones.
 */
@Singleton
final class TemplateChannels {

    static final String BUSINESS_ACCOUNT_ID = "businessAccountId";

    private final BotRepository bots;
    private final ChannelRepository channels;
    private final SealedCredentials sealed;

    TemplateChannels(BotRepository bots, ChannelRepository channels, SealedCredentials sealed) {
        this.bots = bots;
        this.channels = channels;
        this.sealed = sealed;
    }

    /** The WABA id and access token of a channel (secrets: never logged, see {@link #toString()}). */
    record Account(ChannelRow channel, String wabaId, String token) {
        @Override
        public String toString() {
            return "Account[" + channel.id() + "]";
        }
    }

    UUID bot(TenantId tenant, String botId) {
        return Ids.parse(botId).flatMap(id -> bots.find(tenant.value(), id)).map(bot -> bot.id())
                .orElseThrow(() -> ProblemException.notFound("Bot"));
    }

    /** The bot's WhatsApp channels, oldest first. */
    List<ChannelRow> whatsApp(TenantId tenant, UUID bot) {
        return channels.listForBot(tenant.value(), bot).stream()
                .filter(row -> !row.testOnly() && ChannelType.WHATSAPP.wireName().equals(row.type())).toList();
    }

    /**
     * The bot's WhatsApp channel {@code channelId}; when null, the bot's only one. A channel that is not a WhatsApp
     * channel of this bot is 404; a missing choice among several is a 400 naming {@code field}.
     */
    ChannelRow choose(TenantId tenant, UUID bot, @Nullable String channelId, String field) {
        List<ChannelRow> candidates = whatsApp(tenant, bot);
        if (channelId == null) {
            if (candidates.size() == 1) {
                return candidates.getFirst();
            }
            throw ProblemException.invalidField(field, candidates.isEmpty()
                    ? "the bot has no WhatsApp channel; connect one first"
                    : "the bot has several WhatsApp channels; name one");
        }
        return Ids.parse(channelId).flatMap(id -> candidates.stream().filter(row -> row.id().equals(id)).findFirst())
                .orElseThrow(() -> ProblemException.notFound("Channel"));
    }

    /** The channel's Business Account and token, or a 409 saying what to add to the channel. */
    Account account(ChannelRow channel) {
        Map<String, String> credentials;
        try {
            credentials = sealed.open(channel);
        } catch (SecretUnreadableException e) {
            throw ProblemException.conflict("The WhatsApp channel's credentials cannot be read with the current "
                    + "encryption key; save them again.");
        }
        String waba = credentials.get(BUSINESS_ACCOUNT_ID);
        String token = credentials.get("accessToken");
        if (waba == null || waba.isBlank() || token == null || token.isBlank()) {
            throw ProblemException.conflict("The WhatsApp channel has no businessAccountId (the WhatsApp Business "
                    + "Account id from WhatsApp Manager); add it to the channel's credentials.");
        }
        return new Account(channel, waba, token);
    }
}
