package io.parley.api.broadcast;

import io.parley.core.broadcast.BroadcastStore;
import io.parley.core.channel.ChannelRepository;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.tenancy.Ids;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A broadcast's channels as the caller names them: the tenant's (else 404), LINE, WhatsApp or Telegram, once each. */
@Singleton
final class BroadcastChannels {

    static final String CHANNEL_TYPE = "must be a LINE, WhatsApp or Telegram channel";

    private final BroadcastStore broadcasts;
    private final ChannelRepository channels;

    BroadcastChannels(BroadcastStore broadcasts, ChannelRepository channels) {
        this.broadcasts = broadcasts;
        this.channels = channels;
    }

    /** One of the tenant's channels by bot and id. */
    java.util.Optional<ChannelRow> find(UUID tenant, UUID bot, UUID id) {
        return channels.find(tenant, bot, id);
    }

    /** Call inside the tenant's scope. */
    List<ChannelRow> resolve(UUID tenant, List<String> ids) {
        List<ChannelRow> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = Ids.parse(ids.get(i)).orElseThrow(() -> ProblemException.notFound("Channel"));
            ChannelRow channel = broadcasts.channelBot(tenant, id).flatMap(bot -> channels.find(tenant, bot, id))
                    .orElseThrow(() -> ProblemException.notFound("Channel"));
            ChannelType type = channel.channelType();
            if (type != ChannelType.LINE && type != ChannelType.WHATSAPP && type != ChannelType.TELEGRAM) {
                throw ProblemException.invalidField("channelIds[" + i + "]", CHANNEL_TYPE);
            }
            if (found.stream().noneMatch(row -> row.id().equals(id))) {
                found.add(channel);
            }
        }
        return found;
    }
}
