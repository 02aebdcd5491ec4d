package io.parley.api.memory;

import io.micronaut.core.annotation.Nullable;
import io.parley.api.caller.Caller;
import io.parley.core.audit.AuditLog;
import io.parley.core.bot.BotRepository;
import io.parley.core.bot.BotRow;
import io.parley.core.bot.PersonaTemplate;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.conversation.ConversationRepository;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.memory.MemoryBounds;
import io.parley.core.memory.MemoryChange;
import io.parley.core.memory.MemoryField;
import io.parley.core.memory.MemoryFields;
import io.parley.core.memory.MemoryHistoryRepository;
import io.parley.core.memory.MemoryRules;
import io.parley.core.memory.MemorySchemas;
import io.parley.core.memory.MemoryStore;
import io.parley.core.memory.MemoryValueRepository;
import io.parley.core.memory.MemoryValueRow;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A bot's memory fields (admins write, every member reads) and a contact's memory values (agents and up set them,
 * recorded as {@code agent}, or {@code api} for an API key; every member reads). Another tenant's or an unknown bot,
 * contact or conversation is 404.
 */
@Singleton
final class MemoryService {

    static final int HISTORY = 100;

    private final TenantScope scope;
    private final BotRepository bots;
    private final ContactRepository contacts;
    private final ConversationRepository conversations;
    private final MemorySchemas schemas;
    private final MemoryStore store;
    private final MemoryValueRepository values;
    private final MemoryHistoryRepository history;
    private final AuditLog audit;

    MemoryService(TenantScope scope, BotRepository bots, ContactRepository contacts,
                  ConversationRepository conversations, MemorySchemas schemas, MemoryStore store,
                  MemoryValueRepository values, MemoryHistoryRepository history, AuditLog audit) {
        this.scope = scope;
        this.bots = bots;
        this.contacts = contacts;
        this.conversations = conversations;
        this.schemas = schemas;
        this.store = store;
        this.values = values;
        this.history = history;
        this.audit = audit;
    }

    MemoryWire.FieldsResponse fields(Caller caller, String botId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> {
            BotRow bot = findBot(tenant, botId);
            return MemoryWire.FieldsResponse.of(bot.id().toString(), schemas.find(tenant.value(), bot.id()));
        });
    }

    MemoryWire.FieldsResponse saveFields(Caller caller, String botId, MemoryWire.FieldsRequest request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        List<MemoryField> fields = request.fields().stream().map(f -> f == null ? null : f.core()).toList();
        List<Problem.FieldError> errors = new ArrayList<>();
        MemoryRules.check(fields).forEach(e -> errors.add(new Problem.FieldError(e.field(), e.message())));
        MemoryFields.UpdateMode mode = request.updateMode() == null ? MemoryFields.UpdateMode.TOOLS
                : MemoryFields.UpdateMode.parse(request.updateMode()).orElse(null);
        if (mode == null) {
            errors.add(new Problem.FieldError("updateMode", "must be tools or json_block"));
        }
        fail(errors);
        MemoryFields declared = new MemoryFields(fields, mode);
        return scope.write(tenant, () -> {
            BotRow bot = findBot(tenant, botId);
            List<Problem.FieldError> used = new ArrayList<>();
            for (String name : PersonaTemplate.memoryNames(bot.persona())) {
                if (declared.field(name).isEmpty()) {
                    used.add(new Problem.FieldError("fields", "the bot's persona reads memory." + name));
                }
            }
            fail(used);
            schemas.save(tenant.value(), bot.id(), declared);
            audit.record(tenant, caller.actor(), "bot.memory_fields_updated", "bot", bot.id().toString(),
                    Map.of("fields", declared.names(), "updateMode", mode.wireName()));
            return MemoryWire.FieldsResponse.of(bot.id().toString(), declared);
        });
    }

    MemoryWire.ContactMemory contactMemory(Caller caller, String contactId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> memoryOf(tenant, findContact(tenant, contactId)));
    }

    /**
     * Sets the contact's values of one bot's fields: {@code patch} maps field names to values (null: cleared, back
     * to the default). A per-conversation field needs {@code conversationId}, a conversation of this contact and bot.
     */
    MemoryWire.ContactMemory update(Caller caller, String contactId, @Nullable String botId,
                                    @Nullable String conversationId, Map<String, Object> body,
                                    io.parley.http.json.MergePatch document) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        if (botId == null || botId.isBlank()) {
            throw ProblemException.invalidField("botId", "is required");
        }
        MemoryChange.Source source = caller.isApiKey() ? MemoryChange.Source.API : MemoryChange.Source.AGENT;
        UUID actor = caller.isApiKey() ? caller.apiKeyId() : caller.user() == null ? null : caller.user().value();
        return scope.write(tenant, () -> {
            ContactRow contact = findContact(tenant, contactId);
            BotRow bot = findBot(tenant, botId);
            UUID conversation = conversationId == null ? null : Ids.parse(conversationId)
                    .flatMap(id -> conversations.find(tenant.value(), id))
                    .filter(row -> row.contactId().equals(contact.id()) && row.botId().equals(bot.id()))
                    .map(ConversationRow::id).orElseThrow(() -> ProblemException.notFound("Conversation"));
            MemoryFields fields = schemas.find(tenant.value(), bot.id());
            Map<String, Object> patch = new LinkedHashMap<>(body);
            fields.names().stream().filter(document::removes).forEach(name -> patch.put(name, null));
            Map<MemoryField, Object> changes = new LinkedHashMap<>();
            List<Problem.FieldError> errors = new ArrayList<>();
            patch.forEach((name, value) -> {
                Optional<MemoryField> field = fields.field(name);
                if (field.isEmpty()) {
                    errors.add(new Problem.FieldError(name, "is not a memory field of the bot"));
                } else if (field.get().perConversation() && conversation == null) {
                    errors.add(new Problem.FieldError(name, "is kept per conversation: give conversationId"));
                } else if (value != null && MemoryBounds.exact(field.get(), value).isEmpty()) {
                    errors.add(new Problem.FieldError(name, "is not a valid value (" + MemoryRules.describe(field.get()) + ")"));
                } else {
                    changes.put(field.get(), value == null ? null : MemoryBounds.exact(field.get(), value).get());
                }
            });
            fail(errors);
            List<String> changed = new ArrayList<>();
            changes.forEach((field, value) -> store.set(tenant.value(), bot.id(), field, contact.id(), conversation,
                    value, source, actor).ifPresent(change -> changed.add(change.field())));
            if (!changed.isEmpty()) {
                audit.record(tenant, caller.actor(), "contact.memory_updated", "contact", contact.id().toString(),
                        Map.of("botId", bot.id().toString(), "fields", changed));
            }
            return memoryOf(tenant, contact);
        });
    }

    private MemoryWire.ContactMemory memoryOf(TenantId tenant, ContactRow contact) {
        Map<UUID, MemoryFields> declared = schemas.forContact(tenant.value(), contact.id());
        List<MemoryValueRow> stored = values.ofContact(tenant.value(), contact.id());
        List<MemoryWire.BotMemory> perBot = new ArrayList<>();
        declared.forEach((botId, fields) -> bots.find(tenant.value(), botId).ifPresent(bot -> perBot.add(
                new MemoryWire.BotMemory(botId.toString(), bot.name(),
                        fields.fields().stream().map(MemoryWire.Field::of).toList(),
                        stored.stream().filter(row -> row.botId().equals(botId)
                                        && fields.field(row.field()).isPresent())
                                .map(row -> new MemoryWire.Value(botId.toString(), row.field(),
                                        row.conversationId() == null ? null : row.conversationId().toString(),
                                        store.parse(row.value()), row.updatedAt())).toList()))));
        List<MemoryWire.Change> changes = history.ofContact(tenant.value(), contact.id(), HISTORY).stream()
                .map(row -> new MemoryWire.Change(row.id().toString(), row.botId().toString(), row.field(),
                        row.conversationId() == null ? null : row.conversationId().toString(),
                        store.parse(row.oldValue()), store.parse(row.newValue()), row.source(),
                        row.actorId() == null ? null : row.actorId().toString(),
                        row.turnId() == null ? null : row.turnId().toString(), row.changedAt())).toList();
        return new MemoryWire.ContactMemory(perBot, changes);
    }

    private static void fail(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, HttpStatus.BAD_REQUEST, detail, errors, Map.of());
        }
    }

    private BotRow findBot(TenantId tenant, String botId) {
        return Ids.parse(botId).flatMap(id -> bots.find(tenant.value(), id))
                .orElseThrow(() -> ProblemException.notFound("Bot"));
    }

    private ContactRow findContact(TenantId tenant, String contactId) {
        return Ids.parse(contactId).flatMap(id -> contacts.find(tenant.value(), id))
                .orElseThrow(() -> ProblemException.notFound("Contact"));
    }
}
