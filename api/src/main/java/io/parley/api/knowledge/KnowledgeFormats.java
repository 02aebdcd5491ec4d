package io.parley.api.knowledge;

import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;

import java.util.Locale;
import java.util.Map;

/**
 * The file types a knowledge source can be, by file name extension (browsers send application/octet-stream for
 * .md): the media type stored with the file tells the worker how to read it (worker {@code SourceText}).
 */
final class KnowledgeFormats {

    static final String NOT_SUPPORTED = "Files of this type are not supported yet; upload text (.txt), Markdown (.md), "
            + "HTML, PDF or DOCX.";

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "txt", "text/plain",
            "text", "text/plain",
            "md", "text/markdown",
            "markdown", "text/markdown",
            "html", "text/html",
            "htm", "text/html",
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private KnowledgeFormats() {
    }

    /** The media type of {@code fileName}; a 415 problem for any other type (.doc, .xlsx, images…). */
    static String mediaType(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1));
        if (type == null) {
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, NOT_SUPPORTED);
        }
        return type;
    }
}
