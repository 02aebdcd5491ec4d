package io.parley.api.contact.imports;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * CSV imports of contacts: a dry run, the import itself (a job with progress), and reading imports. The upload is
 * multipart/form-data; Micronaut keeps a large file on disk (micronaut.server.multipart.mixed), and it is read as a
 * stream, record by record.
 */
@Controller("/api/v1/contacts/imports")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Contacts")
@ProblemResponses.Authenticated
class ContactImportController {

    private static final String FORMAT = "UTF-8 CSV with a header row. Columns (any case): externalUserId "
            + "(required: LINE user id, WhatsApp number in E.164, Telegram chat id), channelId (unless the form's "
            + "channelId names one channel for every row), displayName, tier, tags (separated by ;) and "
            + "attributes.<key>. Empty cells keep an existing contact's value. An unknown column is a 400.";

    private final ContactImportService imports;
    private final CallerResolver callers;

    ContactImportController(ContactImportService imports, CallerResolver callers) {
        this.imports = imports;
        this.callers = callers;
    }

    @Post(uri = "/preview", consumes = MediaType.MULTIPART_FORM_DATA)
    @ProblemResponses.Upload
    @ProblemResponses.NotFound
    @Operation(operationId = "previewContactImport", summary = "Check a contacts CSV without importing it (admin)",
            description = FORMAT + " Answers the counts, the first 100 row errors and the first 10 valid rows; "
                    + "nothing is stored.")
    ContactImportWire.Preview preview(
            @Part("file") @Parameter(description = "The CSV file") CompletedFileUpload file,
            @Nullable @Part("channelId") @Parameter(description = "The channel of rows without a channelId cell")
            String channelId,
            Authentication authentication, HttpRequest<?> request) {
        try (InputStream input = file.getInputStream()) {
            return imports.preview(callers.resolve(authentication, request), input, channelId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.ACCEPTED)
    @ProblemResponses.Upload
    @ProblemResponses.NotFound
    @Operation(operationId = "importContacts", summary = "Import contacts from a CSV file (admin)",
            description = FORMAT + " Valid rows are upserted by channel identity (channelId + externalUserId) by a "
                    + "background job; follow its progress with GET /api/v1/contacts/imports/{importId}. Invalid "
                    + "rows are skipped and listed in errors.")
    ContactImportWire.ImportResponse start(
            @Part("file") @Parameter(description = "The CSV file") CompletedFileUpload file,
            @Nullable @Part("channelId") @Parameter(description = "The channel of rows without a channelId cell")
            String channelId,
            Authentication authentication, HttpRequest<?> request) {
        try (InputStream input = file.getInputStream()) {
            return imports.start(callers.resolve(authentication, request), input, file.getFilename(), channelId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "ContactImportPage")
    @Operation(operationId = "listContactImports", summary = "List contact imports, newest first",
            description = "Every import of the tenant with its progress and counts.")
    PageResponse<ContactImportWire.ImportResponse> list(
            @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            Authentication authentication, HttpRequest<?> request) {
        return imports.list(callers.resolve(authentication, request), cursor, limit);
    }

    @Get("/{importId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getContactImport", summary = "Get a contact import and its progress",
            description = "processedRows of validRows are done; state completed when all are.")
    ContactImportWire.ImportResponse get(@PathVariable String importId, Authentication authentication,
                                         HttpRequest<?> request) {
        return imports.get(callers.resolve(authentication, request), importId);
    }
}
