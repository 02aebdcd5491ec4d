package io.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the contacts of the crash run saw. Each webhook's text is {@code c<contact>:m<seq>}; the fake LLM answers
 * with the texts of the messages it was asked about, so each answer LINE receives names the messages it answers
 * (one answer may answer several: Parley coalesces messages typed in a row). From that:
 * <ul>
 *   <li><b>lost</b>: acknowledged, never answered;</li>
 *   <li><b>duplicate</b>: one answer delivered twice (e.g. a reply, then a push of it). Each LLM answer is unique
 *   ({@code ans#<call>}), so this counts what Parley sent twice, not two answers that name the same message (a turn's
 *   history lacks the answer to a message that was still being answered when the next one arrived, so the fake LLM
 *   names that message again — an artefact of the fake);</li>
 *   <li><b>reordered</b>: an answer naming only messages older than one the contact already had an answer for;</li>
 *   <li><b>late</b>: answered by push (the reply token's window had passed), and how many seconds after sending.</li>
 * </ul>
 */
final class CrashTally {

    static final Pattern MESSAGE = Pattern.compile("c(\\d+):m(\\d+)");

    private record Key(int contact, int seq) {
    }

    private static final class Sent {
        final long sentAt;
        volatile int answers;
        volatile long answeredAt;
        volatile boolean pushed;

        Sent(long sentAt) {
            this.sentAt = sentAt;
        }
    }

    private final Map<Key, Sent> sent = new ConcurrentHashMap<>();
    private final Map<String, Key> byToken = new ConcurrentHashMap<>();
    private final List<String> duplicateExamples = new ArrayList<>();
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private static final Pattern ANSWER_ID = Pattern.compile("ans#(\\d+)");
    private int duplicateDeliveries;
    private int fallbacks;
    private final Map<Integer, Integer> newestAnswered = new ConcurrentHashMap<>();
    private int reordered;
    private int answerMessages;
    private int pushMessages;

    static String text(int contact, int seq) {
        return "c" + contact + ":m" + seq;
    }

    void sent(int contact, int seq, long nanos) {
        sent.put(new Key(contact, seq), new Sent(nanos));
    }

    /** The reply token of message {@code seq} of {@code contact}, to place answers that name no message. */
    void token(int contact, int seq, String replyToken) {
        byToken.put(replyToken, new Key(contact, seq));
    }

    private static final Pattern REPLY_TOKEN = Pattern.compile("\"replyToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PUSH_TO = Pattern.compile("\"to\"\\s*:\\s*\"U0*([0-9a-f]+)\"");

    /**
     * An answer that names no message — Parley's fallback, when its LLM deadline passed — answers the contact's
     * unanswered messages up to the one whose reply token it carries (a push: all of them so far).
     */
    private void fallback(String body, boolean push, long nanos) {
        int contact;
        int upTo = Integer.MAX_VALUE;
        Matcher token = REPLY_TOKEN.matcher(body);
        Matcher to = PUSH_TO.matcher(body);
        if (!push && token.find() && byToken.containsKey(token.group(1))) {
            Key key = byToken.get(token.group(1));
            contact = key.contact();
            upTo = key.seq();
        } else if (push && to.find()) {
            contact = Integer.parseInt(to.group(1), 16);
        } else {
            return;
        }
        fallbacks++;
        answerMessages++;
        if (push) {
            pushMessages++;
        }
        for (Map.Entry<Key, Sent> entry : sent.entrySet()) {
            Sent message = entry.getValue();
            if (entry.getKey().contact() == contact && entry.getKey().seq() <= upTo && message.answers == 0
                    && message.sentAt <= nanos) {
                message.answers = 1;
                message.answeredAt = nanos;
                message.pushed = push;
            }
        }
    }

    /** An answer arrived at LINE (by reply or push) at {@code nanos}; {@code body} is the request LINE received. */
    synchronized void answered(String body, boolean push, long nanos) {
        Matcher matcher = MESSAGE.matcher(body);
        List<Key> named = new ArrayList<>();
        while (matcher.find()) {
            named.add(new Key(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        }
        if (named.isEmpty()) {
            fallback(body, push, nanos);
            return;
        }
        Matcher answerId = ANSWER_ID.matcher(body);
        if (answerId.find()) {
            Long first = delivered.putIfAbsent(answerId.group(1), nanos);
            if (first != null) {
                duplicateDeliveries++;
                if (duplicateExamples.size() < 5) {
                    duplicateExamples.add("answer " + answerId.group() + " (" + named.size() + " message(s)) again by "
                            + (push ? "push" : "reply") + " " + (nanos - first) / 1_000_000 + " ms after it arrived");
                }
                return;
            }
        }
        answerMessages++;
        if (push) {
            pushMessages++;
        }
        int contact = named.getFirst().contact();
        int newest = named.stream().mapToInt(Key::seq).max().orElseThrow();
        Integer before = newestAnswered.get(contact);
        if (before != null && newest < before) {
            reordered++;
        }
        newestAnswered.merge(contact, newest, Math::max);
        for (Key key : named) {
            Sent message = sent.get(key);
            if (message == null) {
                continue;
            }
            message.answers++;
            if (message.answers == 1) {
                message.answeredAt = nanos;
                message.pushed = push;
            }
        }
    }

    /** Messages sent so far that have no answer yet. */
    long unanswered() {
        return sent.values().stream().filter(message -> message.answers == 0).count();
    }

    /** The figures, once the run is over. */
    synchronized Figures figures() {
        List<Long> latencies = new ArrayList<>();
        List<Long> pushedLatencies = new ArrayList<>();
        int lost = 0;
        int named = 0;
        for (Sent message : sent.values()) {
            if (message.answers == 0) {
                lost++;
                continue;
            }
            named += message.answers - 1;
            long millis = (message.answeredAt - message.sentAt) / 1_000_000;
            latencies.add(millis);
            if (message.pushed) {
                pushedLatencies.add(millis);
            }
        }
        latencies.sort(Long::compare);
        pushedLatencies.sort(Long::compare);
        return new Figures(sent.size(), answerMessages, pushMessages, fallbacks, List.copyOf(duplicateExamples), lost,
                duplicateDeliveries, named, reordered,
                pushedLatencies.size(), pushedLatencies.isEmpty() ? 0 : pushedLatencies.getFirst(),
                pushedLatencies.isEmpty() ? 0 : pushedLatencies.getLast(), percentile(latencies, 50),
                percentile(latencies, 99), latencies.isEmpty() ? 0 : latencies.getLast(),
                latencies.stream().filter(ms -> ms >= 10_000).count());
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /**
     * @param answers    answers LINE received (one may answer several messages)
     * @param pushes     of them, pushes
     * @param namedAgain messages a later (different) answer named again (the fake's history artefact, not a duplicate)
     * @param fallbacks  of them, Parley's fallback message (the LLM deadline passed), placed by reply token
     * @param latePushed messages whose (first) answer came by push, and its fastest/slowest latency
     * @param over10s    messages answered 10 s or more after they were sent
     */
    record Figures(int messages, int answers, int pushes, int fallbacks, List<String> duplicateExamples, int lost,
                   int duplicates, int namedAgain, int reordered, int latePushed,
                   long pushedMinMs, long pushedMaxMs, long p50Ms, long p99Ms, long maxMs, long over10s) {
    }
}
