package io.parley.api.knowledge;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A bot's knowledge base: its sources, a test search and whether its answers use it. docs/llm.md. */
@Controller("/api/v1/bots/{botId}/knowledge")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Knowledge base")
@ProblemResponses.Authenticated
class KnowledgeController {

    private final KnowledgeService knowledge;
    private final CallerResolver callers;

    KnowledgeController(KnowledgeService knowledge, CallerResolver callers) {
        this.knowledge = knowledge;
        this.callers = callers;
    }

    @Get("/sources")
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @Schema(name = "KnowledgeSourcePage")
    @Operation(operationId = "listKnowledgeSources", summary = "List a bot's knowledge sources, newest first",
            description = "Each with its indexing status (pending, indexing, ready, failed with an error).")
    PageResponse<KnowledgeWire.SourceResponse> list(@PathVariable String botId,
            @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            Authentication authentication, HttpRequest<?> request) {
        return knowledge.list(callers.resolve(authentication, request), botId, cursor, limit);
    }

    @Post("/sources")
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "createKnowledgeSource", summary = "Add a Q&A pair or a web page (admin)",
            description = "Indexed in the background (status pending, then ready or failed). A web page is fetched "
                    + "by the worker from a public address only, within size and time limits. 409 when the bot has "
                    + "the most sources it can have.")
    KnowledgeWire.SourceResponse create(@PathVariable String botId, @Body @Valid KnowledgeWire.SourceCreate body,
                                        Authentication authentication, HttpRequest<?> request) {
        return knowledge.create(callers.resolve(authentication, request), botId, body);
    }

    @Post(uri = "/sources/files", consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    @ProblemResponses.Upload
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "uploadKnowledgeFile", summary = "Upload a document (admin)",
            description = "multipart/form-data with a file part: text (.txt), Markdown (.md), HTML, PDF or DOCX, by "
                    + "the file name's extension (415 for any other type); at most parley.knowledge.max-file-bytes "
                    + "(413). Markdown headings become the excerpts' references. Indexed in the background.")
    KnowledgeWire.SourceResponse upload(@PathVariable String botId,
            @Part("file") @Parameter(description = "The document") CompletedFileUpload file,
            Authentication authentication, HttpRequest<?> request) {
        try {
            return knowledge.upload(callers.resolve(authentication, request), botId, file.getFilename(),
                    file.getSize(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/sources/{sourceId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getKnowledgeSource", summary = "Get a knowledge source and its status",
            description = "Poll it after adding a source: status pending → indexing → ready or failed.")
    KnowledgeWire.SourceResponse get(@PathVariable String botId, @PathVariable String sourceId,
                                     Authentication authentication, HttpRequest<?> request) {
        return knowledge.get(callers.resolve(authentication, request), botId, sourceId);
    }

    @Delete("/sources/{sourceId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "deleteKnowledgeSource", summary = "Delete a knowledge source (admin)",
            description = "Its excerpts are no longer retrieved from the next turn on.")
    void delete(@PathVariable String botId, @PathVariable String sourceId, Authentication authentication,
                HttpRequest<?> request) {
        knowledge.delete(callers.resolve(authentication, request), botId, sourceId);
    }

    @Post("/sources/{sourceId}/reindex")
    @Status(HttpStatus.ACCEPTED)
    @ProblemResponses.NotFound
    @Operation(operationId = "reindexKnowledgeSource", summary = "Index a knowledge source again (admin)",
            description = "A web page is fetched again; a failed source gets another try. The current excerpts "
                    + "stay in use until the new ones are ready.")
    KnowledgeWire.SourceResponse reindex(@PathVariable String botId, @PathVariable String sourceId,
                                         Authentication authentication, HttpRequest<?> request) {
        return knowledge.reindex(callers.resolve(authentication, request), botId, sourceId);
    }

    @Post("/search")
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "searchKnowledge", summary = "Try a question against the knowledge base",
            description = "The excerpts a turn would put into the prompt for this question, best first, with the "
                    + "bot's minScore (whether or not its knowledge base is enabled).")
    KnowledgeWire.SearchResponse search(@PathVariable String botId, @Body @Valid KnowledgeWire.SearchRequest body,
                                        Authentication authentication, HttpRequest<?> request) {
        return knowledge.search(callers.resolve(authentication, request), botId, body);
    }

    @Get("/settings")
    @ProblemResponses.NotFound
    @Operation(operationId = "getKnowledgeSettings", summary = "Whether the bot's answers use its knowledge base",
            description = "Off until enabled: enabled, topK excerpts per answer, minScore.")
    KnowledgeWire.Settings settings(@PathVariable String botId, Authentication authentication,
                                    HttpRequest<?> request) {
        return knowledge.settings(callers.resolve(authentication, request), botId);
    }

    @Patch("/settings")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "updateKnowledgeSettings", summary = "Turn the knowledge base on or off, tune it (admin)",
            description = "JSON Merge Patch: enabled, topK (1 to 10), minScore (0 to 1).")
    KnowledgeWire.Settings updateSettings(@PathVariable String botId, @Body @Valid KnowledgeWire.SettingsPatch body,
                                          Authentication authentication, HttpRequest<?> request) {
        return knowledge.updateSettings(callers.resolve(authentication, request), botId, body, MergePatch.of(request));
    }
}
