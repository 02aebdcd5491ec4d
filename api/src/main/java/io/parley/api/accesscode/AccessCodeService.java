package io.parley.api.accesscode;

import io.micronaut.json.tree.JsonNode;
import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.accesscode.AccessCodeBatchRow;
import io.parley.core.accesscode.AccessCodeRepository;
import io.parley.core.accesscode.AccessCodeRow;
import io.parley.core.accesscode.AccessCodeText;
import io.parley.core.audit.AuditLog;
import io.parley.core.bot.BotRepository;
import io.parley.core.bot.BotRow;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.InvalidAttributesException;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bot's access codes: admins generate batches and revoke, every member reads. Codes live under their bot: an
 * unknown or other tenant's bot, batch or code is 404. A code's text exists only in the answer that generated it
 * (only its hash is stored, see AccessCodeText), so it is never logged or audited.
 */
@Singleton
final class AccessCodeService {

    private final TenantScope scope;
    private final BotRepository bots;
    private final AccessCodeRepository codes;
    private final ContactAttributes attributes;
    private final AuditLog audit;

    AccessCodeService(TenantScope scope, BotRepository bots, AccessCodeRepository codes, ContactAttributes attributes,
                      AuditLog audit) {
        this.scope = scope;
        this.bots = bots;
        this.codes = codes;
        this.attributes = attributes;
        this.audit = audit;
    }

    AccessCodeWire.BatchCreated create(Caller caller, String botId, AccessCodeWire.BatchRequest request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
            throw ProblemException.invalidField("expiresAt", "must be in the future");
        }
        AccessCodeWire.Grants grants = request.grants() == null ? new AccessCodeWire.Grants(null, null)
                : request.grants();
        String grantAttributes = grantAttributes(grants.attributes());
        int maxUses = request.maxUses() == null ? 1 : request.maxUses();
        return scope.write(tenant, () -> {
            BotRow bot = findBot(tenant, botId);
            UUID batch = Ids.next();
            codes.insertBatch(tenant.value(), batch, bot.id(), request.name().strip(), request.count(), maxUses,
                    request.expiresAt(), grants.tier(), grantAttributes,
                    caller.user() == null ? null : caller.user().value());
            List<String> texts = new ArrayList<>();
            while (texts.size() < request.count()) {
                String text = AccessCodeText.generate();
                byte[] hash = AccessCodeText.hash(bot.id(), AccessCodeText.normalize(text).orElseThrow());
                if (codes.insertCode(tenant.value(), Ids.next(), bot.id(), batch, hash, maxUses,
                        request.expiresAt()) == 1) {
                    texts.add(text);
                }
            }
            audit.record(tenant, caller.actor(), "access_codes.generated", "access_code_batch", batch.toString(),
                    Map.of("botId", bot.id().toString(), "name", request.name().strip(), "count", request.count(),
                            "maxUses", maxUses));
            return new AccessCodeWire.BatchCreated(batch(codes.findBatch(tenant.value(), bot.id(), batch)
                    .orElseThrow()), texts);
        });
    }

    PageResponse<AccessCodeWire.Batch> batches(Caller caller, String botId, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        return scope.read(tenant, () -> {
            BotRow bot = findBot(tenant, botId);
            return PageResponse.of(codes.batches(tenant.value(), bot.id(), before, size + 1), size, this::batch,
                    row -> row.id().toString());
        });
    }

    AccessCodeWire.Batch batch(Caller caller, String botId, String batchId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> batch(findBatch(tenant, botId, batchId)));
    }

    PageResponse<AccessCodeWire.Code> codes(Caller caller, String botId, String batchId, String cursor,
                                            Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID after = Cursor.after(cursor, Cursor.OLDEST);
        Instant now = Instant.now();
        return scope.read(tenant, () -> {
            AccessCodeBatchRow batch = findBatch(tenant, botId, batchId);
            return PageResponse.of(codes.codes(tenant.value(), batch.botId(), batch.id(), after, size + 1), size,
                    row -> AccessCodeWire.Code.of(row, now), row -> row.id().toString());
        });
    }

    /** Finds a code by its text (sent in a body, so it stays out of URLs and access logs). */
    AccessCodeWire.Code lookup(Caller caller, String botId, AccessCodeWire.Lookup request) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> {
            BotRow bot = findBot(tenant, botId);
            return AccessCodeText.normalize(request.code())
                    .flatMap(text -> codes.findByHash(tenant.value(), bot.id(), AccessCodeText.hash(bot.id(), text)))
                    .map(row -> AccessCodeWire.Code.of(row, Instant.now()))
                    .orElseThrow(() -> ProblemException.notFound("Access code"));
        });
    }

    void revokeBatch(Caller caller, String botId, String batchId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            AccessCodeBatchRow batch = findBatch(tenant, botId, batchId);
            codes.revokeCodesOfBatch(tenant.value(), batch.botId(), batch.id());
            if (codes.revokeBatch(tenant.value(), batch.botId(), batch.id()) > 0) {
                audit.record(tenant, caller.actor(), "access_codes.revoked", "access_code_batch",
                        batch.id().toString(), Map.of("botId", batch.botId().toString(), "name", batch.name()));
            }
        });
    }

    void revokeCode(Caller caller, String botId, String codeId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            BotRow bot = findBot(tenant, botId);
            AccessCodeRow code = Ids.parse(codeId).flatMap(id -> codes.findCode(tenant.value(), bot.id(), id))
                    .orElseThrow(() -> ProblemException.notFound("Access code"));
            if (codes.revokeCode(tenant.value(), bot.id(), code.id()) > 0) {
                audit.record(tenant, caller.actor(), "access_code.revoked", "access_code", code.id().toString(),
                        Map.of("botId", bot.id().toString(), "batchId", code.batchId().toString()));
            }
        });
    }

    /** The grants' attributes as stored JSON, checked by the same rules as every contact attribute. */
    private String grantAttributes(Map<String, String> given) {
        if (given == null || given.isEmpty()) {
            return "{}";
        }
        Map<String, JsonNode> patch = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            if (value == null) {
                throw ProblemException.invalidField("grants.attributes." + key, "must be a text");
            }
            patch.put(key, JsonNode.createStringNode(value));
        });
        try {
            return attributes.merge("{}", JsonNode.createObjectNode(patch));
        } catch (InvalidAttributesException e) {
            throw ProblemException.invalidField("grants." + e.field(), e.getMessage());
        }
    }

    private AccessCodeWire.Batch batch(AccessCodeBatchRow row) {
        Map<String, String> granted = new LinkedHashMap<>();
        attributes.read(row.grantAttributes()).forEach((key, value) -> granted.put(key, String.valueOf(value)));
        return AccessCodeWire.Batch.of(row, granted);
    }

    private BotRow findBot(TenantId tenant, String botId) {
        return Ids.parse(botId).flatMap(id -> bots.find(tenant.value(), id))
                .orElseThrow(() -> ProblemException.notFound("Bot"));
    }

    private AccessCodeBatchRow findBatch(TenantId tenant, String botId, String batchId) {
        BotRow bot = findBot(tenant, botId);
        return Ids.parse(batchId).flatMap(id -> codes.findBatch(tenant.value(), bot.id(), id))
                .orElseThrow(() -> ProblemException.notFound("Access code batch"));
    }
}
