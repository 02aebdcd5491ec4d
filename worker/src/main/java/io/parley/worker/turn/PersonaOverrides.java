package io.parley.worker.turn;

import io.parley.core.contact.ContactRow;
import io.parley.core.setuppage.SetupPages;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;

/**
 * The contact as the prompt sees it: its persona override counts only when the bot's setup-page settings allow
 * overrides (off by default, docs/setup-page.md), else the bot's persona applies. Reads the settings only for a
 * contact that has an override, so other turns pay no query.
 */
@Singleton
final class PersonaOverrides {

    private final TenantScope scope;
    private final SetupPages pages;

    PersonaOverrides(TenantScope scope, SetupPages pages) {
        this.scope = scope;
        this.pages = pages;
    }

    ContactRow forPrompt(Turn turn) {
        ContactRow contact = turn.contact();
        if (contact.personaOverride() == null || contact.personaOverride().isBlank()) {
            return contact;
        }
        String allowed = scope.read(turn.tenant(), () ->
                pages.effectiveOverride(turn.tenant(), turn.bot().id(), contact.personaOverride()));
        return allowed != null ? contact : new ContactRow(contact.tenantId(), contact.id(), contact.displayName(),
                contact.attributes(), contact.tier(), contact.blocked(), null, contact.createdAt(),
                contact.updatedAt(), contact.lastSeenAt(), contact.tags());
    }
}
