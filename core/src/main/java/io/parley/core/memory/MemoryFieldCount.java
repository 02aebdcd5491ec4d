package io.parley.core.memory;

import io.micronaut.core.annotation.Introspected;

/**
 * How many of a bot's contacts have a stored value of one field in one scope ({@code perConversation}: values kept
 * per conversation, counted once per contact however many of its conversations hold one).
 */
@Introspected
public record MemoryFieldCount(String field, boolean perConversation, long contacts) {
}
