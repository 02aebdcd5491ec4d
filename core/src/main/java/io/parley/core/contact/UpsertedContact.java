package io.parley.core.contact;

/**
 * The contact behind a channel identity, and whether this call created it: the first message from a new user
 * (the message pipeline sends the bot's welcome message then).
 */
public record UpsertedContact(ContactRow contact, boolean created) {
}
