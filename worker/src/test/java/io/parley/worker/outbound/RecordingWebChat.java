package io.parley.worker.outbound;

import io.micronaut.context.annotation.Requires;
import io.parley.core.tenancy.TenantId;
import io.parley.worker.outbound.web.StreamingWebChatSender;
import io.parley.worker.outbound.web.WebChatSender;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the web chat streams in tests that ask for it: records what the send job handed over. */
@Singleton
@Requires(property = "test.recording-web-chat", value = "true")
@Replaces(StreamingWebChatSender.class)
final class RecordingWebChat implements WebChatSender {

    record Delivery(TenantId tenant, UUID channelId, String sessionId, List<UUID> messageIds) {
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    @Override
    public List<UUID> deliver(TenantId tenant, UUID channelId, String sessionId, List<UUID> messageIds) {
        deliveries.add(new Delivery(tenant, channelId, sessionId, List.copyOf(messageIds)));
        return List.of();
    }
}
