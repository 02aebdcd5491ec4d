package io.parley.api.memory;

import io.parley.api.caller.Caller;
import io.parley.core.bot.BotRepository;
import io.parley.core.bot.BotRow;
import io.parley.core.memory.MemoryField;
import io.parley.core.memory.MemoryFieldCount;
import io.parley.core.memory.MemorySchemas;
import io.parley.core.memory.MemoryValueRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * How many contacts have each of a bot's memory fields set (docs/flows.md#memory), for the Memory tab. Counted live
 * from the stored values (one index range of the bot's rows), not from the analytics rollups: it is a figure of now,
 * not of a date range. Every member reads it; another tenant's or an unknown bot is 404.
 */
@Singleton
final class MemoryStatsService {

    private final TenantScope scope;
    private final BotRepository bots;
    private final MemorySchemas schemas;
    private final MemoryValueRepository values;

    MemoryStatsService(TenantScope scope, BotRepository bots, MemorySchemas schemas, MemoryValueRepository values) {
        this.scope = scope;
        this.bots = bots;
        this.schemas = schemas;
        this.values = values;
    }

    MemoryWire.FieldStats stats(Caller caller, String botId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> {
            BotRow bot = Ids.parse(botId).flatMap(id -> bots.find(tenant.value(), id))
                    .orElseThrow(() -> ProblemException.notFound("Bot"));
            List<MemoryFieldCount> counts = values.countsByField(tenant.value(), bot.id());
            List<MemoryWire.FieldStat> fields = schemas.find(tenant.value(), bot.id()).fields().stream()
                    .map(field -> new MemoryWire.FieldStat(field.name(), field.type(),
                            field.scopeKind().wireName(), contactsSet(field, counts)))
                    .toList();
            return new MemoryWire.FieldStats(bot.id().toString(), values.contactsOfBot(tenant.value(), bot.id()),
                    fields);
        });
    }

    /** Values stored under the field's other scope (kept when its scope changed) are not read, so not counted. */
    private static long contactsSet(MemoryField field, List<MemoryFieldCount> counts) {
        return counts.stream()
                .filter(count -> count.field().equals(field.name()) && count.perConversation() == field.perConversation())
                .mapToLong(MemoryFieldCount::contacts).sum();
    }
}
