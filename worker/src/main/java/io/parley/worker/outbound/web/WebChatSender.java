package io.parley.worker.outbound.web;

import io.parley.core.tenancy.TenantId;

import java.util.List;
import java.util.UUID;

/**
 * Delivers outbound messages to a web chat session's stream (built with the web chat endpoints). The outbound send
 * job calls it for web channels, with the ids of messages still queued, in order; it returns once they are handed to
 * the session (or stored for the widget to fetch), and the job then marks them sent. A runtime exception retries
 * the job.
 */
public interface WebChatSender {

    void deliver(TenantId tenant, UUID channelId, String sessionId, List<UUID> messageIds);
}
