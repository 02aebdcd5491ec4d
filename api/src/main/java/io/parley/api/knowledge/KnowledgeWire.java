package io.parley.api.knowledge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/bots/{botId}/knowledge. */
final class KnowledgeWire {

    private KnowledgeWire() {
    }

    @Serdeable
    @Schema(name = "KnowledgeSource", description = "A document the bot answers from: a Q&A pair, a file or a web page")
    record SourceResponse(
            @Schema(requiredMode = REQUIRED, example = "01934f6e-7777-7c2d-9e3f-4a5b6c7d8e9f") String id,
            @Schema(requiredMode = REQUIRED) String botId,
            @Schema(requiredMode = REQUIRED, allowableValues = {"qa", "file", "url"}) String type,
            @Schema(requiredMode = REQUIRED, description = "The question, the file name or the page's title",
                    example = "Shop guide") String title,
            @Schema(requiredMode = REQUIRED, allowableValues = {"pending", "indexing", "ready", "failed"},
                    description = "pending: waiting for its indexing job; failed: see error") String status,
            @Nullable @Schema(description = "Why indexing failed (English)") String error,
            @Schema(requiredMode = REQUIRED, description = "Chunks it was cut into") int chunkCount,
            @Schema(requiredMode = REQUIRED, description = "Bytes of the file, page address or Q&A text") long sizeBytes,
            @Nullable String question,
            @Nullable String answer,
            @Nullable String fileName,
            @Nullable String mediaType,
            @Nullable String url,
            @Nullable Instant indexedAt,
            @Schema(requiredMode = REQUIRED) Instant createdAt,
            @Schema(requiredMode = REQUIRED) Instant updatedAt) {
    }

    @Serdeable
    @Schema(name = "KnowledgeSourceCreate", description = "A Q&A pair (type qa: question and answer) or a web page "
            + "(type url: url). Files are uploaded with POST …/knowledge/sources/files.")
    record SourceCreate(
            @Schema(requiredMode = REQUIRED, allowableValues = {"qa", "url"}) String type,
            @Nullable @Size(max = 2000) @Schema(description = "type qa: 1 to 2000 characters",
                    example = "退貨可以退款嗎？") String question,
            @Nullable @Size(max = 20000) @Schema(description = "type qa: 1 to 20000 characters",
                    example = "可以，退貨後三十天內退款，請攜帶收據。") String answer,
            @Nullable @Size(max = 2048) @Schema(description = "type url: an http(s) address of a public web page",
                    example = "https://example.com/faq") String url) {
    }

    @Serdeable
    @Schema(name = "KnowledgeSearchRequest")
    record SearchRequest(
            @Size(max = 2000) @Schema(requiredMode = REQUIRED, example = "營業時間是幾點？") String question,
            @Nullable @Schema(description = "1 to 10; the bot's topK when absent", minimum = "1", maximum = "10")
            Integer topK) {
    }

    @Serdeable
    @Schema(name = "KnowledgeChunk", description = "A retrieved excerpt, as a turn would put it into the prompt")
    record Chunk(
            @Schema(requiredMode = REQUIRED, description = "Its number in the prompt: the model cites [n]") int n,
            @Schema(requiredMode = REQUIRED) String sourceId,
            @Schema(requiredMode = REQUIRED, example = "Shop guide › Opening hours") String reference,
            @Nullable String heading,
            @Schema(requiredMode = REQUIRED) String text,
            @Schema(requiredMode = REQUIRED, description = "Share of the question's terms found, 0 to 1") double score) {
    }

    @Serdeable
    @Schema(name = "KnowledgeSearchResult")
    record SearchResponse(@Schema(requiredMode = REQUIRED) List<Chunk> items) {
    }

    @Serdeable
    @Schema(name = "KnowledgeSettings", description = "Whether the bot's answers use its knowledge base")
    record Settings(
            @Schema(requiredMode = REQUIRED) boolean enabled,
            @Schema(requiredMode = REQUIRED, description = "Excerpts put into the prompt, 1 to 10") int topK,
            @Schema(requiredMode = REQUIRED, description = "Excerpts scoring less (share of the question's terms "
                    + "they contain, 0 to 1) are left out") double minScore) {
    }

    @Serdeable
    @Schema(name = "KnowledgeSettingsPatch", description = "JSON Merge Patch of the knowledge settings")
    record SettingsPatch(@Nullable Boolean enabled, @Nullable Integer topK, @Nullable Double minScore) {
    }
}
