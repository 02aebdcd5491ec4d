package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PATCH /api/v1/contacts/{id} is a JSON Merge Patch: null removes, absent keeps, blocked cannot be removed. */
@MicronautTest(transactional = false)
class ContactMergePatchTest extends ContactTest {

    @Test
    void nullRemovesTheDisplayNameAndPutsTheTierBackWhileAbsentMembersStay() {
        Session owner = api().signup("Contact Merge Co");
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u1", "First");
        String path = "/api/v1/contacts/" + id;
        assertThat(api().patch(path, owner.accessToken(), Map.of("displayName", "Mei", "tier", "premium",
                "attributes", Map.of("zodiac", "leo"))).status()).isEqualTo(200);
        Map<String, Object> patch = new HashMap<>();
        patch.put("displayName", null);
        patch.put("tier", null);

        Reply reply = api().patch(path, owner.accessToken(), patch);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.at("displayName")).isNull();
        assertThat(reply.string("tier")).isEqualTo("free");
        assertThat(reply.string("attributes.zodiac")).as("absent: kept").isEqualTo("leo");
    }

    @Test
    void blockedCannotBeRemoved() {
        Session owner = api().signup("Contact Blocked Co");
        String id = contact(owner.tenantId(), webChannel(owner.tenantId()), "u1", "First");
        Map<String, Object> patch = new HashMap<>();
        patch.put("blocked", null);

        Reply reply = api().patch("/api/v1/contacts/" + id, owner.accessToken(), patch);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isEqualTo("blocked");
    }
}
