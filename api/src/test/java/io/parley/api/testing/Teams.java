package io.parley.api.testing;

import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;

import java.util.Map;

/** Builds tenants with several members for role tests: invite, sign up the invitee, accept, switch. */
public final class Teams {

    private final ApiClient api;

    public Teams(ApiClient api) {
        this.api = api;
    }

    /** Adds a new user to {@code owner}'s tenant with {@code role}; returns their session acting in that tenant. */
    public Session addMember(Session owner, String role) {
        Session newcomer = api.signup("Own tenant of a " + role);
        Reply invitation = api.post("/api/v1/invitations", owner.accessToken(),
                Map.of("email", newcomer.email(), "role", role));
        if (invitation.status() != 201) {
            throw new IllegalStateException("invite failed: " + invitation.text());
        }
        Reply accepted = api.post("/api/v1/invitations/accept", newcomer.accessToken(),
                Map.of("token", invitation.string("token")));
        if (accepted.status() != 200) {
            throw new IllegalStateException("accept failed: " + accepted.text());
        }
        Reply switched = api.post("/api/v1/auth/switch-tenant", newcomer.accessToken(),
                Map.of("tenantId", owner.tenantId()));
        if (switched.status() != 200) {
            throw new IllegalStateException("switch failed: " + switched.text());
        }
        return new Session(switched.string("accessToken"), switched.string("refreshToken"), owner.tenantId(),
                newcomer.userId(), newcomer.email());
    }
}
