package io.parley.core.setuppage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes bots' setup-page settings; callers are inside the tenant's scope, like a repository's. */
@Singleton
public final class SetupPages {

    private final SetupPageRepository repository;
    private final JsonMapper json;

    SetupPages(SetupPageRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** The bot's settings, or the defaults when it has none (persona override off). */
    public SetupPageSettings of(TenantId tenant, UUID bot) {
        return repository.find(tenant.value(), bot).map(this::read).orElse(SetupPageSettings.DEFAULTS);
    }

    public void save(TenantId tenant, UUID bot, SetupPageSettings settings) {
        try {
            repository.save(tenant.value(), bot, json.writeValueAsString(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bot whose page a contact's setup link opens (its newest conversation's), if it has talked to one. */
    public Optional<UUID> botOf(TenantId tenant, UUID contact) {
        return repository.botOfContact(tenant.value(), contact);
    }

    /** The settings for a contact's page: its bot's, or the defaults for a contact without conversations. */
    public SetupPageSettings forContact(TenantId tenant, UUID contact) {
        return botOf(tenant, contact).map(bot -> of(tenant, bot)).orElse(SetupPageSettings.DEFAULTS);
    }

    /**
     * The persona override the prompt may use: the contact's, when its bot allows overrides, else null (the bot's
     * persona applies). Reads the settings only when there is an override to decide on.
     */
    @Nullable
    public String effectiveOverride(TenantId tenant, UUID bot, @Nullable String override) {
        if (override == null || override.isBlank()) {
            return null;
        }
        return of(tenant, bot).allowPersonaOverride() ? override : null;
    }

    private SetupPageSettings read(String text) {
        try {
            return json.readValue(text, SetupPageSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored setup-page settings are unreadable", e);
        }
    }
}
