package io.parley.worker.outbound.web;

import io.parley.core.tenancy.TenantId;

import java.util.List;
import java.util.UUID;

/**
 * Hands a web chat session its replies (the widget reads the session's SSE stream). Call inside the tenant's write
 * transaction: the messages are marked sent and announced when that transaction commits.
 */
public interface WebChatSender {

    /** The ids of the messages sent now; messages already sent by an earlier attempt are skipped. */
    List<UUID> deliver(TenantId tenant, UUID channelId, String sessionId, List<UUID> messageIds);
}
