package io.parley.http.negotiation;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Applies {@link AcceptRanges} to every request before Micronaut routes it. Route matching (and its 406) happens
 * before any HTTP filter runs, so this is a Netty handler placed just before Micronaut's inbound handler; the only
 * hook Micronaut offers there ({@link NettyServerCustomizer}).
 */
@Singleton
final class AcceptWidening implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final String MICRONAUT_INBOUND = "micronaut-inbound-handler";
    private static final ChannelHandler HANDLER = new Widener();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new OnChannel(null));
        return event.getBean();
    }

    private record OnChannel(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new OnChannel(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(MICRONAUT_INBOUND) != null
                    && channel.pipeline().get(Widener.class) == null) {
                channel.pipeline().addBefore(MICRONAUT_INBOUND, "parley-accept-widening", HANDLER);
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class Widener extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                String accept = request.headers().get(HttpHeaderNames.ACCEPT);
                String widened = AcceptRanges.widen(accept);
                if (widened != null && !widened.equals(accept)) {
                    request.headers().set(HttpHeaderNames.ACCEPT, widened);
                }
            }
            context.fireChannelRead(message);
        }
    }
}
