package io.parley.api.contact;

import io.swagger.v3.oas.annotations.media.Schema;
import io.parley.api.page.Cursor;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Contacts (end users on LINE, WhatsApp, Telegram and web chat) and their setup links. */
@Controller("/api/v1/contacts")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Contacts")
@ProblemResponses.Authenticated
class ContactController {

    private final ContactService contacts;
    private final CallerResolver callers;

    ContactController(ContactService contacts, CallerResolver callers) {
        this.contacts = contacts;
        this.callers = callers;
    }

    @Get
    @ProblemResponses.BadRequest
    @Schema(name = "ContactPage")
    @Operation(operationId = "listContacts", summary = "List contacts, newest first",
            description = "Filters combine with AND. `q` matches part of the display name (case-insensitive, any "
                    + "language; % and _ are plain characters) or of an external user id.")
    PageResponse<ContactWire.ContactResponse> list(
            @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
            @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
            @Nullable @QueryValue @Parameter(description = "Search text", example = "小明") String q,
            @Nullable @QueryValue @Parameter(description = "Only this tier", example = "premium") String tier,
            @Nullable @QueryValue @Parameter(description = "Only blocked (true) or unblocked (false) contacts")
            Boolean blocked,
            @Nullable @QueryValue @Parameter(description = "Only contacts with this tag", example = "vip") String tag,
            @Nullable @QueryValue @Parameter(description = "Only contacts known on this channel") String channelId,
            Authentication authentication, HttpRequest<?> request) {
        return contacts.list(callers.resolve(authentication, request),
                new ContactService.ContactFilter(q, tier, blocked, tag, channelId), cursor, limit);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "createContact", summary = "Create a contact with a channel identity (agent)",
            description = "A contact you can reach before they wrote (broadcasts): a LINE user id, a WhatsApp number "
                    + "in E.164 or a Telegram chat id on one of the tenant's channels, with optional name, attributes, "
                    + "tier and tags. 404 when the channel is not the tenant's; 409 when the channel has a contact with "
                    + "this user id already (the detail names it). Web chat contacts cannot be created.")
    ContactWire.ContactResponse create(@Body @Valid ContactWire.ContactCreate body, Authentication authentication,
                                       HttpRequest<?> request) {
        return contacts.create(callers.resolve(authentication, request), body);
    }

    @Get("/{contactId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getContact", summary = "Get a contact with its channel identities",
            description = "The contact with its attributes, tier and identities on each channel.")
    ContactWire.ContactResponse get(@PathVariable String contactId, Authentication authentication,
                                    HttpRequest<?> request) {
        return contacts.get(callers.resolve(authentication, request), contactId);
    }

    @Patch("/{contactId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @Operation(operationId = "updateContact", summary = "Change a contact (agent)",
            description = "Only the fields sent change; \"\" clears the "
            + "display name or persona override; `attributes` is a JSON merge patch (a key with null is removed); "
            + "`tags` replaces the tag list.")
    ContactWire.ContactResponse update(@PathVariable String contactId, @Body @Valid ContactWire.ContactPatch body,
                                       Authentication authentication, HttpRequest<?> request) {
        return contacts.update(callers.resolve(authentication, request), contactId, body, MergePatch.of(request));
    }

    @Post("/{contactId}/setup-link")
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "createSetupLink", summary = "Create a setup link for a contact (agent)",
            description = "A signed link to the persona/profile setup page, valid for `expiresInMinutes` (default "
                    + "one day). Send it to the contact; whoever holds it can change that contact's attributes and "
                    + "persona override until it expires. 409 when the contact is blocked.")
    ContactWire.SetupLinkResponse createSetupLink(@PathVariable String contactId,
                                                  @Body @Valid @Nullable ContactWire.SetupLinkRequest body,
                                                  Authentication authentication, HttpRequest<?> request) {
        return contacts.createSetupLink(callers.resolve(authentication, request), contactId, body);
    }
}
