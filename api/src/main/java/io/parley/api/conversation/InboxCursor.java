package io.parley.api.conversation;

import io.parley.api.page.Cursor;
import io.parley.core.conversation.InboxRepository;
import io.parley.core.conversation.InboxRow;
import io.parley.core.tenancy.Ids;
import io.parley.http.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The inbox list's opaque cursor: the position (activity time, id) of the last conversation of a page. Unlike
 * {@link Cursor}, which wraps an id, the inbox is ordered by activity, which changes as messages
 * arrive; a keyset position stays valid where an offset would skip or repeat rows. A conversation that gets a
 * new message while a client pages moves to the top and is not repeated further down.
 */
record InboxCursor(Instant activityAt, UUID id) {

    private static final String VERSION = "i1:";

    /** The start of the list. */
    static final InboxCursor START = new InboxCursor(InboxRepository.START, Cursor.NEWEST);

    static InboxCursor after(InboxRow row) {
        return new InboxCursor(row.activityAt(), row.id());
    }

    static InboxCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int comma = text.indexOf(',');
            if (text.startsWith(VERSION) && comma > 0) {
                Instant at = Instant.parse(text.substring(VERSION.length(), comma));
                return Ids.parse(text.substring(comma + 1)).map(id -> new InboxCursor(at, id))
                        .orElseThrow(InboxCursor::invalid);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
        throw invalid();
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + activityAt + "," + id).getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException invalid() {
        return ProblemException.invalidField("cursor", "is not a cursor this API returned");
    }
}
