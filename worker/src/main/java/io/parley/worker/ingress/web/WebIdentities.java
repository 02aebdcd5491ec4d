package io.parley.worker.ingress.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.parley.core.ServerRoles;
import io.parley.core.contact.ContactRepository;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.ingress.IngressChannel;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Binds a web chat session to a signed-in user (docs/web-chat.md "Identity verification"). The user's channel
 * identity is {@code user:<id>}, so every session (phone, laptop) that presents the same user is the same contact
 * and conversation. A session that chatted anonymously before signing in is merged on its first identified request:
 * its conversation moves to the user's contact (or, when the user already has one on this channel, its messages
 * move into it), the attributes it gathered fill the user's missing ones, and its anonymous identity is removed; the
 * emptied anonymous contact stays (its usage rows keep pointing at it). Name, email and attributes from a token are
 * written to the contact on every identified request, the host site being the source of truth.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class WebIdentities {

    private final TenantScope scope;
    private final ContactRepository contacts;
    private final WebIdentityRepository identities;
    private final JsonMapper json;

    WebIdentities(TenantScope scope, ContactRepository contacts, WebIdentityRepository identities, JsonMapper json) {
        this.scope = scope;
        this.contacts = contacts;
        this.identities = identities;
        this.json = json;
    }

    /** The channel identity the session speaks as from now on ({@code user:<id>}). */
    String bind(IngressChannel channel, String sessionId, WebIdentity.Verified user) {
        UUID tenant = channel.tenant().value();
        String external = user.externalUserId();
        scope.writeVoid(channel.tenant(), () -> {
            UUID contact = contacts.upsertByIdentity(tenant, channel.id(), external, user.name(), null).contact().id();
            Map<String, Object> attributes = new LinkedHashMap<>(user.attributes());
            if (user.name() != null) {
                attributes.put("name", user.name());
            }
            if (user.email() != null) {
                attributes.put("email", user.email());
            }
            if (user.name() != null || !attributes.isEmpty()) {
                identities.updateProfile(tenant, contact, user.name(), write(attributes));
            }
            Optional<UUID> anonymous = identities.anonymousContact(tenant, channel.id(), sessionId);
            anonymous.filter(from -> !from.equals(contact)).ifPresent(from -> {
                if (identities.moveConversation(tenant, channel.id(), from, contact) == 0) {
                    identities.moveMessages(tenant, channel.id(), from, contact);
                }
                identities.mergeAttributes(tenant, from, contact);
            });
            anonymous.ifPresent(from -> identities.dropAnonymousIdentity(tenant, channel.id(), sessionId));
        });
        return external;
    }

    private String write(Map<String, Object> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
