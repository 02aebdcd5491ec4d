package io.parley.api.testing;

import io.parley.api.testing.ApiClient.Session;
import io.parley.core.bot.BotRepository;
import io.parley.core.contact.ContactRepository;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.TestChannels;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.util.UUID;

/** Contacts talking with a tenant's bot over its test web channel (rows written directly, as a message would). */
@Singleton
public final class Chats {

    /** A bot with a contact that has one conversation with it over the web channel {@code channel}. */
    public record Chat(String bot, String contact, String conversation, UUID channel) {
    }

    private final TenantScope scope;
    private final BotRepository bots;
    private final DataSource dataSource;
    private final ContactRepository contacts;
    private final ConversationRepository conversations;

    Chats(TenantScope scope, BotRepository bots, DataSource dataSource, ContactRepository contacts,
                ConversationRepository conversations) {
        this.scope = scope;
        this.bots = bots;
        this.dataSource = dataSource;
        this.contacts = contacts;
        this.conversations = conversations;
    }

    /** A new bot (made with its test web channel) and a contact {@code web-1} talking with it. */
    public Chat chat(Session owner) {
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();
        UUID channel = new TestChannels(scope, bots, dataSource).webChannel(tenant);
        UUID bot = scope.read(tenant, () -> bots.page(tenant.value(), new UUID(-1, -1), 10).getFirst().id());
        return talk(tenant, bot, channel, "web-1");
    }

    /** Another contact (the web user {@code externalUserId}) talking with the chat's bot over the same channel. */
    public Chat another(Session owner, Chat chat, String externalUserId) {
        return talk(TenantId.parse(owner.tenantId()).orElseThrow(), UUID.fromString(chat.bot()), chat.channel(),
                externalUserId);
    }

    private Chat talk(TenantId tenant, UUID bot, UUID channel, String externalUserId) {
        return scope.write(tenant, () -> {
            UUID contact = contacts.upsertByIdentity(tenant.value(), channel, externalUserId, "Mei", "{}")
                    .contact().id();
            UUID conversation = conversations.upsert(tenant.value(), Ids.next(), bot, channel, contact).id();
            return new Chat(bot.toString(), contact.toString(), conversation.toString(), channel);
        });
    }
}
