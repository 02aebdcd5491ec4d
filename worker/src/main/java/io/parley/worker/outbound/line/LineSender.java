package io.parley.worker.outbound.line;

import io.parley.core.channel.ProviderApi;
import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.worker.outbound.ChannelSender;
import io.parley.worker.outbound.OutboundBatch;
import io.parley.worker.outbound.OutboundMessage;
import io.parley.worker.outbound.ProviderHttp;
import io.parley.worker.outbound.SendFailure;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * LINE: a reply with the event's reply token while it is valid (free of quota; usable once, within about a minute),
 * otherwise a push to the user. A push carries {@code X-Line-Retry-Key}, derived from the batch's first message id,
 * so a push retried after a lost answer is not delivered twice: LINE answers 409 "already accepted", which is success
 * (https://developers.line.biz/en/docs/messaging-api/retrying-api-request/). Reply takes no retry key.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class LineSender implements ChannelSender {

    private static final Logger LOG = LoggerFactory.getLogger(LineSender.class);
    static final String ACCESS_TOKEN = "channelAccessToken";
    static final String REPLY = "reply";
    static final String PUSH = "push";

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;
    private final LineSendSettings settings;

    LineSender(ProviderHttp http, ProviderEndpoints endpoints, LineSendSettings settings) {
        this.http = http;
        this.endpoints = endpoints;
        this.settings = settings;
    }

    @Override
    public ChannelType type() {
        return ChannelType.LINE;
    }

    /** Reply and push take 1 to 5 message objects. */
    @Override
    public int maxBatch() {
        return 5;
    }

    /** Postback action data: at most 300 characters (counted here as bytes, to be safe). */
    @Override
    public int maxPostbackBytes() {
        return 300;
    }

    /** A push carries the batch's retry key, so LINE answers 409 to a batch it already accepted. */
    @Override
    public Resend resend() {
        return Resend.SAFE;
    }

    @Override
    public List<String> send(OutboundBatch batch) throws SendFailure {
        return deliver(batch).providerIds();
    }

    /** A reply ({@value #REPLY}) while the token is usable, else a push ({@value #PUSH}). */
    @Override
    public Sent deliver(OutboundBatch batch) throws SendFailure {
        String token = batch.credential(ACCESS_TOKEN);
        List<LineWire.Message> messages = batch.messages().stream().map(LineWire::render).toList();
        if (replyable(batch)) {
            ProviderApi.Answer reply = http.post(ChannelType.LINE, uri("/v2/bot/message/reply"),
                    new LineWire.Reply(batch.replyToken(), messages, false), headers(token, null));
            if (!LineErrors.invalidReplyToken(reply)) {
                return new Sent(sentIds(LineErrors.check(reply), messages.size()), REPLY);
            }
            if (batch.lostReply()) {
                // The token is still inside the reply window, so LINE refused it as used: the lost attempt's reply
                // arrived. Pushing it again would show it twice.
                LOG.info("LINE reports the reply token of channel {} used: an earlier attempt's reply arrived",
                        batch.channel().id());
                return new Sent(sentIds(reply, messages.size()), REPLY);
            }
            LOG.info("LINE refused the reply token of channel {} (expired or used); pushing instead", batch.channel().id());
        }
        ProviderApi.Answer push = http.post(ChannelType.LINE, uri("/v2/bot/message/push"),
                new LineWire.Push(batch.recipient(), messages), headers(token, retryKey(batch.messages())));
        return new Sent(sentIds(push.status() == 409 ? push : LineErrors.check(push), messages.size()), PUSH);
    }

    /**
     * A reply token is worth trying while the event is younger than the window (or its age is unknown). A lost
     * reply's token is asked again only when its age is known to be inside the window: then LINE cannot have
     * refused the earlier use as expired, and a refusal now means "used".
     */
    private boolean replyable(OutboundBatch batch) {
        if (batch.replyToken() == null || batch.replyToken().isBlank()) {
            return false;
        }
        Instant inboundAt = batch.inboundAt();
        if (inboundAt == null) {
            return !batch.lostReply();
        }
        return Instant.now().isBefore(inboundAt.plus(settings.replyWindow()));
    }

    /** The same batch always gets the same key (a name-based UUID of its first message id). */
    static UUID retryKey(List<OutboundMessage> messages) {
        return UUID.nameUUIDFromBytes(("line-push:" + messages.getFirst().id()).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(endpoints.lineApiUrl() + path);
    }

    static Map<String, String> headers(String token, UUID retryKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        if (retryKey != null) {
            headers.put("X-Line-Retry-Key", retryKey.toString());
        }
        return headers;
    }

    /** {@code sentMessages[].id} in order (a 409 to a push echoes the original ones); null where missing. */
    private static List<String> sentIds(ProviderApi.Answer answer, int count) {
        List<String> ids = new ArrayList<>();
        List<?> sent = answer.value("sentMessages") instanceof List<?> list ? list : List.of();
        for (int i = 0; i < count; i++) {
            ids.add(i < sent.size() && sent.get(i) instanceof Map<?, ?> message && message.get("id") != null
                    ? message.get("id").toString() : null);
        }
        return ids;
    }
}
