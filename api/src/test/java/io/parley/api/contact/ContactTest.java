package io.parley.api.contact;

import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiTest;
import io.parley.core.bot.BotRepository;
import io.parley.core.contact.ContactRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of contact API tests. Contacts arrive through the message pipeline, so tests create them the way it will:
 * a web channel row and {@link ContactRepository#upsertByIdentity}.
 */
abstract class ContactTest extends ApiTest {

    @Inject
    TenantScope scope;
    @Inject
    BotRepository bots;
    @Inject
    DataSource dataSource;
    @Inject
    ContactRepository contacts;

    UUID webChannel(String tenantId) {
        return new TestChannels(scope, bots, dataSource).webChannel(tenant(tenantId));
    }

    UUID channel(String tenantId, String type) {
        return new TestChannels(scope, bots, dataSource).channel(tenant(tenantId), type);
    }

    String contact(String tenantId, UUID channel, String externalUserId, String displayName) {
        TenantId tenant = tenant(tenantId);
        return scope.write(tenant, () -> contacts.upsertByIdentity(tenant.value(), channel, externalUserId, displayName,
                "{\"pictureUrl\": \"https://example.com/" + externalUserId + ".png\"}")).contact().id().toString();
    }

    static TenantId tenant(String tenantId) {
        return TenantId.parse(tenantId).orElseThrow();
    }

    static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.string("type")).isEqualTo("https://parley.dev/problems/" + type);
    }

    static void assertFieldError(Reply reply, String field) {
        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.string("errors.0.field")).as(reply.text()).isEqualTo(field);
    }
}
