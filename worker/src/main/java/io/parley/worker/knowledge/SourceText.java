package io.parley.worker.knowledge;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded file or a fetched page, by media type (the API accepts only these:
 * {@code KnowledgeFormats} in the api module). Markdown stays Markdown: its headings make the chunks' references.
 * HTML becomes Markdown-ish text with its h1–h6 as headings, so a page is cut at its sections too.
 */
final class SourceText {

    static final String MARKDOWN = "text/markdown";
    static final String PLAIN = "text/plain";
    static final String HTML = "text/html";
    static final String PDF = "application/pdf";
    private static final String BLOCKS = "p, li, pre, blockquote, td, th, dt, dd";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private SourceText() {
    }

    /** A document that cannot be read; the message is shown to members as the source's error. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static String extract(String mediaType, byte[] bytes) throws Unreadable {
        return switch (mediaType) {
            case MARKDOWN, PLAIN -> utf8(bytes);
            case HTML -> html(Jsoup.parse(new String(bytes, StandardCharsets.UTF_8))).text();
            case PDF -> pdf(bytes);
            case DOCX -> docx(bytes);
            default -> throw new Unreadable("Files of type " + mediaType + " are not supported.");
        };
    }

    private static String utf8(byte[] bytes) throws Unreadable {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Unreadable("The file is not UTF-8 text.");
        }
    }

    private static String pdf(byte[] bytes) throws Unreadable {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted()) {
                throw new Unreadable("The PDF is encrypted.");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setParagraphStart("\n"); // a blank line between paragraphs: the chunker's first cut
            return stripper.getText(document);
        } catch (IOException e) {
            throw new Unreadable("The PDF could not be read.");
        }
    }

    private static String docx(byte[] bytes) throws Unreadable {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText().replace("\n", "\n\n"); // one paragraph per line in Word's model
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("The DOCX file could not be read.");
        }
    }

    /** A page's text and its title. */
    record Page(String title, String text) {
    }

    static Page html(Document document) {
        document.select("script, style, noscript, template, svg, nav, footer, header, form, iframe").remove();
        StringBuilder text = new StringBuilder();
        Element body = document.body();
        for (Element element : body.select("h1, h2, h3, h4, h5, h6, " + BLOCKS)) {
            if (!element.tagName().matches("h[1-6]")
                    && element.select(BLOCKS).stream().anyMatch(inner -> inner != element)) {
                continue; // a container of blocks (select includes the element itself): its blocks come one by one
            }
            String line = element.text().strip();
            if (line.isEmpty()) {
                continue;
            }
            if (element.tagName().matches("h[1-6]")) {
                text.append("#".repeat(element.tagName().charAt(1) - '0')).append(' ');
            }
            text.append(line).append("\n\n");
        }
        if (text.isEmpty()) {
            text.append(body.text());
        }
        return new Page(document.title().strip(), text.toString());
    }
}
