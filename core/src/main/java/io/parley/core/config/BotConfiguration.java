package io.parley.core.config;

import io.parley.core.bot.BotRow;
import io.parley.core.flow.FlowMatcher;

import java.time.Instant;

/**
 * Everything the message pipeline needs to know about one bot, read at once in one transaction so the parts are
 * consistent with each other. Immutable: a change produces a new snapshot.
 */
public record BotConfiguration(BotRow bot, FlowMatcher flows, Instant loadedAt) {
}
