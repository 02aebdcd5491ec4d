package io.parley.api.privacy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A contact's data: erase and export (docs/privacy.md). */
@Controller("/api/v1/contacts")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Contacts")
@ProblemResponses.Authenticated
class ContactPrivacyController {

    private final ContactPrivacyService privacy;
    private final CallerResolver callers;

    ContactPrivacyController(ContactPrivacyService privacy, CallerResolver callers) {
        this.privacy = privacy;
        this.callers = callers;
    }

    @Delete("/{contactId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "eraseContact", summary = "Erase a contact and everything about them (admin)",
            description = "Deletes the contact with its identities, conversations, messages, attributes, memory, "
                    + "setup answers, stored provider events, opt-outs and pending jobs; LLM usage, analytics and "
                    + "broadcast counts are kept without the person. Each channel identity is suppressed: a late "
                    + "webhook (an event from before the erasure, a follow or a status) does not re-create them; a "
                    + "new message does (docs/privacy.md). Audited as contact.erased. Cannot be undone.")
    void erase(@PathVariable String contactId, Authentication authentication, HttpRequest<?> request) {
        privacy.erase(callers.resolve(authentication, request), contactId);
    }

    @Get("/{contactId}/export")
    @ProblemResponses.NotFound
    @Operation(operationId = "exportContact", summary = "Export everything stored about a contact (admin)",
            description = "One JSON document: the contact, identities, opt-outs, conversations, messages, memory "
                    + "and its history, subscriptions, access code redemptions and LLM usage, each as stored. "
                    + "Audited as contact.exported.")
    ContactExportWire export(@PathVariable String contactId, Authentication authentication, HttpRequest<?> request) {
        return privacy.export(callers.resolve(authentication, request), contactId);
    }
}
