package io.parley.worker.turn;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.database.NotificationListener;
import io.parley.core.testing.OpenAiStream;
import io.parley.worker.outbound.web.WebChatNotice;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web chat turn tells the session's streams what the bot is doing (docs/web-chat.md "Typing and streaming"):
 * {@code composing} when the LLM starts, the answer in {@code delta} pieces while it is written (converted as the
 * reply is), and {@code idle} when the turn ends without a reply — heard on {@code NOTIFY parley_webchat} as the
 * stream hub hears them. The reply itself is still written once, whole. Other channels, and answers that output
 * moderation must check first, are not streamed.
 */
@MicronautTest(transactional = false)
class StreamingTurnTest extends TurnTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SESSION = "session_0123456789abcdef";

    private final FakeLlm llm = new FakeLlm();
    private final BlockingQueue<WebChatNotice> heard = new LinkedBlockingQueue<>();
    private NotificationListener listener;

    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username}")
    String username;
    @Value("${datasources.default.password}")
    String password;
    @Inject
    io.micronaut.json.JsonMapper mapper;

    @BeforeEach
    void listen() throws InterruptedException {
        CountDownLatch listening = new CountDownLatch(1);
        listener = new NotificationListener(url, username, password, WebChatNotice.CHANNEL, listening::countDown,
                payload -> heard.add(notice(payload)));
        assertThat(listening.await(10, TimeUnit.SECONDS)).isTrue();
        llm.reset();
        llm.pauseStreams(Duration.ofMillis(60));
    }

    @AfterEach
    void stopListening() {
        listener.close();
    }

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void aWebTurnSaysComposingThenStreamsTheAnswerInPiecesThatAddUpToTheReply() throws Exception {
        World world = world(BotSpec.llm(llm), "web");
        llm.always(FakeLlm.ok("Hello there! How are you today? I can help with orders, returns and opening hours."));

        UUID turn = say(world, SESSION, "hi");

        List<WebChatNotice> notices = drain(world);
        assertThat(notices.getFirst().kind()).isEqualTo(WebChatNotice.COMPOSING);
        assertThat(notices).allSatisfy(notice -> {
            assertThat(notice.replyTo()).isEqualTo(turn.toString());
            assertThat(notice.sessionId()).isEqualTo(SESSION);
        });
        List<WebChatNotice> deltas = notices.stream().filter(n -> WebChatNotice.DELTA.equals(n.kind())).toList();
        assertThat(deltas.size()).as("the answer comes in several pieces").isGreaterThan(1);
        assertThat(streamed(deltas)).isEqualTo(replyTexts(world, turn).getFirst())
                .isEqualTo("Hello there! How are you today? I can help with orders, returns and opening hours.");
        assertThat(replyTexts(world, turn)).as("the reply itself is written once").hasSize(1);
        assertThat(OpenAiStream.requested(llm.calls().getLast().body())).isTrue();
    }

    @Test
    void eachPieceIsConvertedAsTheWholeReplyIs() throws Exception {
        BotSpec spec = BotSpec.llm(llm);
        spec.conversion = "zh-Hant-TW";
        World world = world(spec, "web");
        llm.always(FakeLlm.ok("这个软件的网络设置很简单，鼠标点一下就好。打印机也一样。"));

        UUID turn = say(world, SESSION, "怎么设置？");

        List<WebChatNotice> deltas = drain(world).stream().filter(n -> WebChatNotice.DELTA.equals(n.kind())).toList();
        assertThat(streamed(deltas)).isEqualTo(replyTexts(world, turn).getFirst())
                .contains("軟體", "網路", "滑鼠", "印表機");
    }

    @Test
    void aLineTurnIsNotStreamed() throws Exception {
        World world = world(BotSpec.llm(llm), "line");

        UUID turn = say(world, "U1", "hi");

        assertThat(replyTexts(world, turn)).isNotEmpty();
        assertThat(OpenAiStream.requested(llm.calls().getLast().body())).isFalse();
        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void anAnswerThatOutputModerationChecksIsNotShownBeforeItIsChecked() throws Exception {
        BotSpec spec = BotSpec.llm(llm);
        spec.moderation = "{\"output\":true,\"service\":\"none\",\"keywords\":[{\"pattern\":\"never-said\","
                + "\"regex\":false,\"category\":\"violence\"}]}";
        World world = world(spec, "web");

        UUID turn = say(world, SESSION, "hi");

        assertThat(replyTexts(world, turn)).isNotEmpty();
        assertThat(OpenAiStream.requested(llm.calls().getLast().body())).isFalse();
        assertThat(drain(world)).extracting(WebChatNotice::kind).containsExactly(WebChatNotice.COMPOSING);
    }

    @Test
    void aTurnThatEndsWithoutAReplySaysIdle() throws Exception {
        World world = world(BotSpec.llm(llm), "web");
        llm.then(FakeLlm.ok("Too late").after(Duration.ofSeconds(1)));

        CompletableFuture<UUID> turn = CompletableFuture.supplyAsync(() -> say(world, SESSION, "hi"));
        WebChatNotice composing = heard.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(composing).isNotNull();
        assertThat(composing.kind()).isEqualTo(WebChatNotice.COMPOSING);
        scope.writeVoid(world.tenant(), () -> sql("UPDATE conversations SET bot_paused = true WHERE tenant_id = ?",
                world.tenant().value())); // a person took over while the LLM was thinking
        UUID answered = turn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(replyTexts(world, answered)).isEmpty();
        assertThat(drain(world)).extracting(WebChatNotice::kind).last().isEqualTo(WebChatNotice.IDLE);
    }

    /** The text the pieces make, put at their offsets as the widget does. */
    private static String streamed(List<WebChatNotice> deltas) {
        StringBuilder text = new StringBuilder();
        for (WebChatNotice delta : deltas) {
            assertThat(delta.offset()).as("each piece follows the last").isEqualTo(text.length());
            text.append(delta.text());
        }
        return text.toString();
    }

    /** The notices of the world's channel heard so far (the turn has run: they were sent before it returned). */
    private List<WebChatNotice> drain(World world) throws InterruptedException {
        Thread.sleep(300); // NOTIFYs of committed transactions are delivered at once; leave the listener a moment
        List<WebChatNotice> notices = new java.util.ArrayList<>();
        heard.drainTo(notices);
        return notices.stream().filter(n -> n.channelId().equals(world.channel())).toList();
    }

    private WebChatNotice notice(String payload) {
        try {
            return mapper.readValue(payload, Argument.of(WebChatNotice.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
