package io.parley.core.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a document's text into chunks for retrieval: never across a Markdown heading (each chunk keeps its heading
 * path, "Shop › Opening hours", which the prompt shows as the reference), paragraphs packed up to
 * {@value #MAX} characters, and each chunk after the first of a section starting with the last ~{@value #OVERLAP}
 * characters of the one before, so a fact cut at a boundary is still whole in one of them. A paragraph longer than
 * a chunk is cut at lines, then at sentence ends (including 。！？ for Chinese, which has no spaces), then hard.
 *
 * <p>Hand-written rather than LangChain4j's recursive splitter: that one knows neither headings (the references)
 * nor Chinese sentence ends without its OpenNLP model, which the project does not ship.
 */
public final class Chunker {

    public static final int MAX = 800;
    public static final int OVERLAP = 120;
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|(?<=[。！？；])");

    /** A chunk of text under its heading path (null before the first heading). */
    public record Chunk(String heading, String text) {
    }

    private Chunker() {
    }

    public static List<Chunk> chunk(String document) {
        List<Chunk> chunks = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        StringBuilder section = new StringBuilder();
        for (String line : document.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                pack(path(headings), section.toString(), chunks);
                section.setLength(0);
                int level = heading.group(1).length();
                while (headings.size() >= level) {
                    headings.removeLast();
                }
                while (headings.size() < level - 1) {
                    headings.add("");
                }
                headings.add(heading.group(2).strip());
            } else {
                section.append(line).append('\n');
            }
        }
        pack(path(headings), section.toString(), chunks);
        return chunks;
    }

    private static String path(List<String> headings) {
        String path = String.join(" › ", headings.stream().filter(h -> !h.isEmpty()).toList());
        return path.isEmpty() ? null : path;
    }

    /** Packs one section's pieces into chunks with overlap. */
    private static void pack(String heading, String section, List<Chunk> into) {
        StringBuilder current = new StringBuilder();
        boolean fresh = true; // current holds only the overlap carried over (or nothing)
        for (String piece : pieces(section.strip(), 0)) {
            if (!fresh && current.length() + piece.length() + 2 > MAX) {
                into.add(new Chunk(heading, current.toString().strip()));
                String tail = tail(current.toString());
                current.setLength(0);
                current.append(tail);
                fresh = true;
            }
            if (!current.isEmpty()) {
                current.append("\n\n");
            }
            current.append(piece);
            fresh = false;
        }
        if (!fresh && !current.toString().isBlank()) {
            into.add(new Chunk(heading, current.toString().strip()));
        }
    }

    /** The text cut into pieces of at most MAX - OVERLAP characters: paragraphs, lines, sentences, then hard. */
    private static List<String> pieces(String text, int level) {
        List<String> pieces = new ArrayList<>();
        if (text.isBlank()) {
            return pieces;
        }
        int limit = MAX - OVERLAP - 2;
        if (text.length() <= limit && level > 0) {
            pieces.add(text.strip());
            return pieces;
        }
        String[] parts = switch (level) {
            case 0 -> text.split("\\n\\s*\\n");
            case 1 -> text.split("\\n");
            case 2 -> SENTENCE_END.split(text);
            default -> hard(text, limit);
        };
        if (level == 3) {
            for (String part : parts) {
                pieces.add(part.strip());
            }
            return pieces;
        }
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            String piece = part.strip();
            if (piece.isEmpty()) {
                continue;
            }
            if (piece.length() > limit) {
                flush(joined, pieces);
                pieces.addAll(pieces(piece, level + 1));
            } else if (level > 0 && joined.length() + piece.length() + 1 <= limit) {
                // lines and sentences of one paragraph go back together as long as they fit
                joined.append(joined.isEmpty() ? "" : level == 1 ? "\n" : " ").append(piece);
            } else {
                flush(joined, pieces);
                if (level > 0) {
                    joined.append(piece);
                } else {
                    pieces.add(piece);
                }
            }
        }
        flush(joined, pieces);
        return pieces;
    }

    private static void flush(StringBuilder joined, List<String> into) {
        if (!joined.isEmpty()) {
            into.add(joined.toString());
            joined.setLength(0);
        }
    }

    private static String[] hard(String text, int limit) {
        List<String> parts = new ArrayList<>();
        for (int start = 0; start < text.length(); start += limit) {
            int end = Math.min(text.length(), start + limit);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a surrogate pair
            }
            parts.add(text.substring(start, end));
            start = end - limit;
        }
        return parts.toArray(String[]::new);
    }

    /** The last ~OVERLAP characters, started at a word or sentence boundary when one is near. */
    private static String tail(String text) {
        String stripped = text.strip();
        if (stripped.length() <= OVERLAP) {
            return stripped;
        }
        int start = stripped.length() - OVERLAP;
        if (Character.isLowSurrogate(stripped.charAt(start))) {
            start++;
        }
        for (int i = start; i < Math.min(stripped.length(), start + 40); i++) {
            char c = stripped.charAt(i);
            if (Character.isWhitespace(c) || c == '。' || c == '，' || c == '！' || c == '？') {
                return stripped.substring(i + 1).strip();
            }
        }
        return stripped.substring(start);
    }
}
