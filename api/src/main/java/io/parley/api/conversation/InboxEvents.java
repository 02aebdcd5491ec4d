package io.parley.api.conversation;

/**
 * Tenant event types the inbox API publishes (docs/api/inbox.md lists them with their data). They reach the
 * dashboard through GET /api/v1/events and, later, outbound webhooks.
 */
final class InboxEvents {

    /** {@code {conversationId, takenOverBy}}: a human took over; the bot is silent. */
    static final String TAKEOVER = "conversation.takeover";
    /** {@code {conversationId}}: the bot answers again. */
    static final String RELEASED = "conversation.released";
    /** {@code {conversationId, status, assigneeId, teamId}}: a member changed the status, assignee or team. */
    static final String UPDATED = "conversation.updated";
    /** {@code {conversationId, noteId}}: a member wrote a private note. */
    static final String NOTE_CREATED = "conversation.note_created";
    /** {@code {conversationId}}: someone marked the conversation read. */
    static final String READ = "conversation.read";
    /** {@code {conversationId, messageId, direction, sender, status}}: an agent's message was stored and queued. */
    static final String MESSAGE_CREATED = "message.created";
    /** {@code {conversationId, messageId, status}}: as the pipeline's; here a failed message was queued again. */
    static final String MESSAGE_STATUS = "message.status";

    private InboxEvents() {
    }
}
