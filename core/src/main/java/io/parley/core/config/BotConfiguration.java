package io.parley.core.config;

import io.parley.core.bot.BotRow;
import io.parley.core.channel.ChannelRow;
import io.parley.core.flow.FlowMatcher;
import io.parley.core.memory.MemoryFields;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the message pipeline needs to know about one bot, read at once in one transaction so the parts are
 * consistent with each other. Immutable: a change produces a new snapshot. {@code memory}: the bot's memory fields
 * (core memory), {@link MemoryFields#NONE} when it declares none.
 */
public record BotConfiguration(BotRow bot, List<ChannelRow> channels, FlowMatcher flows, MemoryFields memory,
                               Instant loadedAt) {

    public BotConfiguration {
        channels = List.copyOf(channels);
        memory = memory == null ? MemoryFields.NONE : memory;
    }

    public BotConfiguration(BotRow bot, List<ChannelRow> channels, FlowMatcher flows, Instant loadedAt) {
        this(bot, channels, flows, MemoryFields.NONE, loadedAt);
    }

    public Optional<ChannelRow> channel(UUID channelId) {
        return channels.stream().filter(channel -> channel.id().equals(channelId)).findFirst();
    }
}
