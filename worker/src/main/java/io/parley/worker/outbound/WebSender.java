package io.parley.worker.outbound;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelType;
import io.parley.worker.outbound.web.WebChatSender;
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

    WebSender(BeanProvider<WebChatSender> webChat) {
        this.webChat = webChat;
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

    @Override
    public List<String> send(OutboundBatch batch) throws SendFailure {
        if (!webChat.isPresent()) {
            throw new SendFailure.Unavailable("web chat delivery is not available in this process");
        }
        webChat.get().deliver(batch.tenant(), batch.channel().id(), batch.recipient(),
                batch.messages().stream().map(OutboundMessage::id).toList());
        return Arrays.asList(new String[batch.messages().size()]);
    }
}
