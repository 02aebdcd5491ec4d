package io.parley.api.contact;

import io.micronaut.context.annotation.Value;
import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.contact.SetupLinkSigner;
import io.parley.core.memory.ContactVisibleMemory;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.trigger.ProactiveTriggers;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.parley.http.ratelimit.RateLimiter;
import io.parley.http.json.MergePatch;
import jakarta.inject.Singleton;

import io.parley.core.setuppage.SetupPageSettings;
import io.parley.core.setuppage.SetupPages;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The setup page's side of a setup link: anyone holding an unexpired link may read and change that one contact's
 * attributes and persona override, nothing else — and only what the bot's setup-page settings show and allow
 * ({@link SetupPageSettings}: listed fields, editable ones, the persona only when overrides are on), plus the bot's
 * memory fields marked visibleToContact, read-only, and an access code when the bot asks for one. Requests are limited per client IP before the token is even
 * looked at, so guessing tokens is slow as well as hopeless.
 */
@Singleton
final class SetupService {

    private static final String AUDIT_LABEL = "setup page";

    private final SetupLinkSigner signer;
    private final TenantScope scope;
    private final ContactRepository contacts;
    private final ContactAttributes attributes;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final RateLimiter.Limit perIp;
    private final ProactiveTriggers triggers;
    private final SetupPages pages;
    private final ContactVisibleMemory memory;
    private final SetupAccessCode accessCodes;

    SetupService(SetupLinkSigner signer, TenantScope scope, ContactRepository contacts, ContactAttributes attributes,
                 AuditLog audit, RateLimiter limiter,
                 @Value("${parley.rate-limits.setup-per-ip-per-minute:30}") int perIpPerMinute,
                 ProactiveTriggers triggers, SetupPages pages, ContactVisibleMemory memory,
                 SetupAccessCode accessCodes) {
        this.accessCodes = accessCodes;
        this.triggers = triggers;
        this.memory = memory;
        this.pages = pages;
        this.signer = signer;
        this.scope = scope;
        this.contacts = contacts;
        this.attributes = attributes;
        this.audit = audit;
        this.limiter = limiter;
        this.perIp = RateLimiter.Limit.perMinute(perIpPerMinute);
    }

    ContactWire.SetupPage view(String token, String ip) {
        return page(admit(token, ip));
    }

    /** Redeems an access code for the contact's bot ({@link SetupAccessCode}); answers the page as it is now. */
    ContactWire.SetupPage redeem(String token, ContactWire.SetupAccessCodeRequest body, String ip) {
        SetupLinkSigner.Claims claims = admit(token, ip);
        UUID bot = scope.read(claims.tenant(), () ->
                accessCodes.askingBot(claims.tenant(), contactOf(claims, contacts::find).id()));
        accessCodes.redeem(claims.tenant(), bot, claims.contact(), body.code(), ip);
        return page(claims);
    }

    private ContactWire.SetupPage page(SetupLinkSigner.Claims claims) {
        return scope.read(claims.tenant(), () -> {
            ContactRow contact = contactOf(claims, contacts::find);
            return toPage(contact, claims, pages.forContact(claims.tenant(), contact.id()),
                    triggers.messageAfterSetup(claims.tenant(), contact.id()));
        });
    }

    ContactWire.SetupPage submit(String token, ContactWire.SetupSubmission submission, MergePatch members, String ip) {
        SetupLinkSigner.Claims claims = admit(token, ip);
        ContactWire.ContactPatch patch = new ContactWire.ContactPatch(null, submission.attributes(), null, null,
                submission.personaOverride(), null);
        return scope.write(claims.tenant(), () -> {
            ContactRow current = contactOf(claims, contacts::findForUpdate);
            SetupPageSettings settings = pages.forContact(claims.tenant(), current.id());
            SetupSubmissionRules.check(submission, members, settings);
            if (ContactMerge.changedFields(patch, members).isEmpty()) {
                return toPage(current, claims, settings, false); // nothing saved: nothing fires
            }
            ContactRow row = ContactMerge.apply(current, patch, members, attributes);
            contacts.update(row.tenantId(), row.id(), row.displayName(), row.attributes(), row.tier(), row.blocked(),
                    row.personaOverride());
            audit.record(claims.tenant(), new Actor(Actor.Type.SYSTEM, null, AUDIT_LABEL, ip),
                    "contact.setup_submitted", "contact", row.id().toString(), ContactService.auditDetails(patch, members));
            // setup_submitted flows write first; their runs commit with the submission (docs/flows.md)
            boolean queued = triggers.setupSubmitted(claims.tenant(), row.id()) > 0;
            return toPage(contacts.find(row.tenantId(), row.id()).orElseThrow(), claims, settings, queued);
        });
    }

    /** Rate limit, then a valid and unexpired token; 429, or 401 that says whether the link expired. */
    private SetupLinkSigner.Claims admit(String token, String ip) {
        RateLimiter.Decision decision = limiter.tryAcquire("setup-ip:" + ip, perIp);
        if (!decision.allowed()) {
            throw ProblemException.rateLimited(decision.retryAfterSeconds(),
                    "Too many setup-page requests from this address; try again in " + decision.retryAfterSeconds() + " s.");
        }
        SetupLinkSigner.Claims claims = signer.verify(token).orElseThrow(SetupService::invalid);
        if (!claims.expiresAt().isAfter(Instant.now())) {
            throw new ProblemException(ProblemKind.INVALID_TOKEN, "This setup link expired at " + claims.expiresAt()
                    + "; ask for a new one in the chat.");
        }
        return claims;
    }

    /** The token's contact (a deleted one makes the token invalid); 403 when the contact is blocked. */
    private static ContactRow contactOf(SetupLinkSigner.Claims claims,
                                        BiFunction<UUID, UUID, Optional<ContactRow>> lookup) {
        ContactRow contact = lookup.apply(claims.tenant().value(), claims.contact()).orElseThrow(SetupService::invalid);
        if (contact.blocked()) {
            throw ProblemException.forbidden("This setup link can no longer be used.");
        }
        return contact;
    }

    /**
     * Only the attributes the page shows, and the persona only where the bot lets contacts replace it.
     *
     * @param messageAfterSubmit on a read: the next submission makes a bot write; on a submission: this one did
     */
    private ContactWire.SetupPage toPage(ContactRow contact, SetupLinkSigner.Claims claims,
                                         SetupPageSettings settings, boolean messageAfterSubmit) {
        Map<String, Object> all = attributes.read(contact.attributes());
        SetupAccessCode.State codes = accessCodes.state(claims.tenant(), contact.id());
        Map<String, Object> shown = new LinkedHashMap<>();
        settings.fields().forEach(field -> {
            if (all.containsKey(field.key())) {
                shown.put(field.key(), all.get(field.key()));
            }
        });
        return new ContactWire.SetupPage(new ContactWire.SetupContact(contact.displayName()), shown,
                settings.allowPersonaOverride() ? contact.personaOverride() : null, claims.expiresAt(),
                settings.fields().stream().map(f -> new ContactWire.SetupField(f.key(), text(f.label()), f.editable()))
                        .toList(), settings.allowPersonaOverride(), text(settings.personaLabel()),
                text(settings.doneText()), messageAfterSubmit, visibleMemory(claims, contact),
                codes.asked(), codes.redeemed());
    }

    /** The memory fields of the contact's bot (the one its page belongs to) marked visibleToContact, read-only. */
    private List<ContactWire.SetupMemory> visibleMemory(SetupLinkSigner.Claims claims, ContactRow contact) {
        return pages.botOf(claims.tenant(), contact.id())
                .map(bot -> memory.of(claims.tenant().value(), bot, contact.id()).stream()
                        .map(f -> new ContactWire.SetupMemory(f.name(), f.description(), f.value())).toList())
                .orElse(List.of());
    }

    private static SetupText text(SetupPageSettings.Label label) {
        return label == null ? null : new SetupText(label.en(), label.zhHant());
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemKind.INVALID_TOKEN, "This setup link is not valid.");
    }
}
