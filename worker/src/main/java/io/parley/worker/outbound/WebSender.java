package io.parley.worker.outbound;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelType;
import io.parley.core.events.TenantEvents;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.outbound.web.WebChatSender;

import java.util.Map;
import java.util.UUID;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;

/**
 * Web chat: the widget's session stream, through {@link WebChatSender} (the one place the send job reaches it). No
 * provider ids; no postback limit beyond the widget's own.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class WebSender implements ChannelSender {

    private final BeanProvider<WebChatSender> webChat;
    private final TenantScope scope;
    private final TenantEvents events;

    WebSender(BeanProvider<WebChatSender> webChat, TenantScope scope, TenantEvents events) {
        this.webChat = webChat;
        this.scope = scope;
        this.events = events;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEB;
    }

    @Override
    public int maxBatch() {
        return 100;
    }

    @Override
    public int maxPostbackBytes() {
        return 1000;
    }

    /** The stream's NOTIFY and the "sent" mark commit in one transaction (below). */
    @Override
    public Resend resend() {
        return Resend.ATOMIC;
    }

    @Override
    public List<String> send(OutboundBatch batch) throws SendFailure {
        if (!webChat.isPresent()) {
            throw new SendFailure.Unavailable("web chat delivery is not available in this process");
        }
        // The stream's NOTIFY and the "sent" mark commit together, so the widget never shows an unsent reply; the
        // dashboard hears "message.sent" here because the send job's own bookkeeping finds them sent already.
        scope.writeVoid(batch.tenant(), () -> {
            List<UUID> sent = webChat.get().deliver(batch.tenant(), batch.channel().id(), batch.recipient(),
                    batch.messages().stream().map(OutboundMessage::id).toList());
            for (UUID id : sent) {
                events.publish(batch.tenant(), "message.sent", Map.of("messageId", id.toString(), "status", "sent"));
            }
        });
        return Arrays.asList(new String[batch.messages().size()]);
    }
}
