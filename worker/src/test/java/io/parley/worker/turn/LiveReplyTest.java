package io.parley.worker.turn;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the LLM's tokens become the web chat's delta pieces: cut at word and phrase boundaries, converted, in order. */
class LiveReplyTest {

    private record Piece(int offset, String text) {
    }

    private final List<Piece> pieces = new ArrayList<>();

    @Test
    void theFirstPieceGoesAtOnceUpToItsLastBoundaryAndTheRestWhenTheAnswerIsComplete() {
        LiveReply reply = new LiveReply((offset, text) -> pieces.add(new Piece(offset, text)), null);

        reply.token("Hello there, fri");
        reply.token("end");
        reply.finish();

        assertThat(pieces).containsExactly(new Piece(0, "Hello there, "), new Piece(13, "friend"));
    }

    @Test
    void aPhraseIsNeverCutBetweenTwoPiecesSoItsConversionIsTheWholeReplys() {
        LiveReply reply = new LiveReply((offset, text) -> pieces.add(new Piece(offset, text)), "zh-Hant-TW");

        reply.token("这个软");
        reply.token("件很好，网");
        reply.token("络也是。");
        reply.finish();

        String streamed = String.join("", pieces.stream().map(Piece::text).toList());
        assertThat(streamed).isEqualTo(OutputConversion.apply("zh-Hant-TW", "这个软件很好，网络也是。"))
                .isEqualTo("這個軟體很好，網路也是。");
    }

    @Test
    void aLongRunWithoutAnyBoundaryIsSentAnyway() {
        LiveReply reply = new LiveReply((offset, text) -> pieces.add(new Piece(offset, text)), null);

        reply.token("a".repeat(LiveReply.MAX_HELD));

        assertThat(pieces).containsExactly(new Piece(0, "a".repeat(LiveReply.MAX_HELD)));
    }

    @Test
    void aRetriedCallStartsThePiecesOverAtZero() {
        LiveReply reply = new LiveReply((offset, text) -> pieces.add(new Piece(offset, text)), null);

        reply.token("Sorry, ");
        reply.restart();
        reply.token("Hi ");
        reply.finish();

        assertThat(pieces).containsExactly(new Piece(0, "Sorry, "), new Piece(0, "Hi "));
    }
}
