package io.parley.api.knowledge;

import io.parley.api.caller.Caller;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.bot.BotRepository;
import io.parley.core.knowledge.KnowledgeJob;
import io.parley.core.knowledge.KnowledgeSearch;
import io.parley.core.knowledge.KnowledgeSource;
import io.parley.core.knowledge.KnowledgeStore;
import io.parley.core.queue.JobQueue;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import jakarta.inject.Singleton;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A bot's knowledge sources: every member reads them and can try a question; admins and owners (who configure
 * bots) add, delete and re-index them. A new or re-indexed source is pending, with its indexing job enqueued in the
 * same transaction (docs/llm.md "Knowledge base").
 */
@Singleton
final class KnowledgeService {

    static final String TOO_MANY = "The bot has %d knowledge sources, the most it can have; delete some first.";
    static final String TOO_LARGE = "The file is larger than %d bytes.";
    static final String NOT_WEB_ADDRESS = "must be an http or https address";

    private final TenantScope scope;
    private final BotRepository bots;
    private final KnowledgeStore store;
    private final KnowledgeSearch search;
    private final JobQueue queue;
    private final AuditLog audit;
    private final KnowledgeLimits limits;

    KnowledgeService(TenantScope scope, BotRepository bots, KnowledgeStore store, KnowledgeSearch search,
                     JobQueue queue, AuditLog audit, KnowledgeLimits limits) {
        this.scope = scope;
        this.bots = bots;
        this.store = store;
        this.search = search;
        this.queue = queue;
        this.audit = audit;
        this.limits = limits;
    }

    PageResponse<KnowledgeWire.SourceResponse> list(Caller caller, String botId, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        int size = Cursor.limit(limit);
        UUID before = Cursor.after(cursor, Cursor.NEWEST);
        return scope.read(tenant, () -> PageResponse.of(store.page(tenant.value(), bot(tenant, botId), before,
                size + 1), size, KnowledgeService::response, source -> source.id().toString()));
    }

    KnowledgeWire.SourceResponse get(Caller caller, String botId, String sourceId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> response(source(tenant, bot(tenant, botId), sourceId)));
    }

    KnowledgeWire.SourceResponse create(Caller caller, String botId, KnowledgeWire.SourceCreate request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        String type = request.type() == null ? "" : request.type();
        return switch (type) {
            case "qa" -> {
                String question = required("question", request.question());
                String answer = required("answer", request.answer());
                unexpected("url", request.url());
                long size = (question + answer).getBytes(StandardCharsets.UTF_8).length;
                yield add(caller, tenant, botId, "qa", clip(question), question, answer, null, null, null, null, size);
            }
            case "url" -> {
                String url = webAddress(required("url", request.url()));
                unexpected("question", request.question());
                unexpected("answer", request.answer());
                yield add(caller, tenant, botId, "url", clip(url), null, null, null, null, null, url, url.length());
            }
            default -> throw ProblemException.invalidField("type", "must be qa or url");
        };
    }

    KnowledgeWire.SourceResponse upload(Caller caller, String botId, String fileName, long size, byte[] bytes) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        String mediaType = KnowledgeFormats.mediaType(fileName);
        if (size > limits.maxFileBytes() || bytes.length > limits.maxFileBytes()) {
            throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, TOO_LARGE.formatted(limits.maxFileBytes()));
        }
        if (bytes.length == 0) {
            throw ProblemException.invalidField("file", "must not be empty");
        }
        String name = fileName.length() > 255 ? fileName.substring(fileName.length() - 255) : fileName;
        return add(caller, tenant, botId, "file", clip(name), null, null, name, mediaType, bytes, null, bytes.length);
    }

    void delete(Caller caller, String botId, String sourceId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            UUID bot = bot(tenant, botId);
            KnowledgeSource source = source(tenant, bot, sourceId);
            store.delete(tenant.value(), bot, source.id());
            audit.record(tenant, caller.actor(), "knowledge.source_deleted", "knowledge_source",
                    source.id().toString(), Map.of("botId", bot.toString(), "type", source.kind()));
        });
    }

    KnowledgeWire.SourceResponse reindex(Caller caller, String botId, String sourceId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        return scope.write(tenant, () -> {
            UUID bot = bot(tenant, botId);
            UUID id = source(tenant, bot, sourceId).id();
            int generation = store.reindex(tenant.value(), bot, id).orElseThrow(KnowledgeService::notFound);
            queue.enqueue(tenant, KnowledgeJob.request(id, generation));
            audit.record(tenant, caller.actor(), "knowledge.source_reindexed", "knowledge_source", id.toString(),
                    Map.of("botId", bot.toString()));
            return response(store.find(tenant.value(), bot, id).orElseThrow());
        });
    }

    KnowledgeWire.SearchResponse search(Caller caller, String botId, KnowledgeWire.SearchRequest request) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        String question = required("question", request.question());
        if (request.topK() != null && (request.topK() < 1 || request.topK() > 10)) {
            throw ProblemException.invalidField("topK", "must be between 1 and 10");
        }
        return scope.read(tenant, () -> {
            UUID bot = bot(tenant, botId);
            KnowledgeSearch.Settings settings = search.settings(tenant.value(), bot);
            int topK = request.topK() == null ? settings.topK() : request.topK();
            var hits = search.search(tenant.value(), bot, question, topK, settings.minScore());
            java.util.List<KnowledgeWire.Chunk> items = new java.util.ArrayList<>();
            for (KnowledgeSearch.Hit hit : hits) {
                items.add(new KnowledgeWire.Chunk(items.size() + 1, hit.sourceId().toString(),
                        hit.reference(), hit.heading(), hit.text(), hit.score()));
            }
            return new KnowledgeWire.SearchResponse(items);
        });
    }

    KnowledgeWire.Settings settings(Caller caller, String botId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> wire(search.settings(tenant.value(), bot(tenant, botId))));
    }

    KnowledgeWire.Settings updateSettings(Caller caller, String botId, KnowledgeWire.SettingsPatch patch,
                                          io.parley.http.json.MergePatch present) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        for (String field : new String[] {"enabled", "topK", "minScore"}) {
            if (present.removes(field)) {
                throw ProblemException.invalidField(field, io.parley.http.problem.ProblemMessages.CANNOT_REMOVE);
            }
        }
        if (patch.topK() != null && (patch.topK() < 1 || patch.topK() > 10)) {
            throw ProblemException.invalidField("topK", "must be between 1 and 10");
        }
        if (patch.minScore() != null && (patch.minScore() < 0 || patch.minScore() > 1)) {
            throw ProblemException.invalidField("minScore", "must be between 0 and 1");
        }
        return scope.write(tenant, () -> {
            UUID bot = bot(tenant, botId);
            KnowledgeSearch.Settings current = search.settings(tenant.value(), bot);
            KnowledgeSearch.Settings next = new KnowledgeSearch.Settings(
                    patch.enabled() == null ? current.enabled() : patch.enabled(),
                    patch.topK() == null ? current.topK() : patch.topK(),
                    patch.minScore() == null ? current.minScore() : patch.minScore());
            search.save(tenant.value(), bot, next);
            audit.record(tenant, caller.actor(), "knowledge.settings_updated", "bot", bot.toString(),
                    Map.of("enabled", next.enabled(), "topK", next.topK(), "minScore", next.minScore()));
            return wire(search.settings(tenant.value(), bot));
        });
    }

    private KnowledgeWire.SourceResponse add(Caller caller, TenantId tenant, String botId, String kind, String title,
                                             String question, String answer, String fileName, String mediaType,
                                             byte[] bytes, String url, long size) {
        return scope.write(tenant, () -> {
            UUID bot = bot(tenant, botId);
            if (store.count(tenant.value(), bot) >= limits.maxSourcesPerBot()) {
                throw ProblemException.conflict(TOO_MANY.formatted(limits.maxSourcesPerBot()));
            }
            UUID id = Ids.next();
            store.insert(tenant.value(), id, bot, kind, title, question, answer, fileName, mediaType, bytes, url, size);
            queue.enqueue(tenant, KnowledgeJob.request(id, 1));
            audit.record(tenant, caller.actor(), "knowledge.source_created", "knowledge_source", id.toString(),
                    Map.of("botId", bot.toString(), "type", kind));
            return response(store.find(tenant.value(), bot, id).orElseThrow());
        });
    }

    private UUID bot(TenantId tenant, String botId) {
        return Ids.parse(botId).filter(id -> bots.find(tenant.value(), id).isPresent())
                .orElseThrow(() -> ProblemException.notFound("Bot"));
    }

    private KnowledgeSource source(TenantId tenant, UUID bot, String sourceId) {
        return Ids.parse(sourceId).flatMap(id -> store.find(tenant.value(), bot, id))
                .orElseThrow(KnowledgeService::notFound);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Knowledge source");
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "must not be blank");
        }
        return value.strip();
    }

    private static void unexpected(String field, String value) {
        if (value != null) {
            throw ProblemException.invalidField(field, "is not allowed for this type");
        }
    }

    private static String webAddress(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // not a URI: the same answer
        }
        throw ProblemException.invalidField("url", NOT_WEB_ADDRESS);
    }

    private static String clip(String title) {
        String line = title.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    private static KnowledgeWire.Settings wire(KnowledgeSearch.Settings settings) {
        return new KnowledgeWire.Settings(settings.enabled(), settings.topK(),
                Math.round(settings.minScore() * 1000) / 1000.0);
    }

    private static KnowledgeWire.SourceResponse response(KnowledgeSource source) {
        return new KnowledgeWire.SourceResponse(source.id().toString(), source.botId().toString(), source.kind(),
                source.title(), source.status(), source.error(), source.chunkCount(), source.sizeBytes(),
                source.question(), source.answer(), source.fileName(), source.mediaType(), source.url(),
                source.indexedAt(), source.createdAt(), source.updatedAt());
    }
}
