package io.parley.api.template;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.core.audit.AuditLog;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ProviderApi;
import io.parley.core.template.TemplateRepository;
import io.parley.core.template.TemplateRow;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * WhatsApp message templates of a bot's WhatsApp channels: every member reads them; admins and owners sync, submit
 * and delete them (they speak for the business to Meta). Graph API calls happen outside any transaction; what they
 * return is written in one short transaction after.
 */
@Singleton
final class TemplateService {

    private final TenantScope scope;
    private final TemplateChannels channels;
    private final TemplateRepository templates;
    private final TemplateGraph graph;
    private final AuditLog audit;
    private final JsonMapper json;

    TemplateService(TenantScope scope, TemplateChannels channels, TemplateRepository templates, TemplateGraph graph,
                    AuditLog audit, JsonMapper json) {
        this.scope = scope;
        this.channels = channels;
        this.templates = templates;
        this.graph = graph;
        this.audit = audit;
        this.json = json;
    }

    TemplateWire.TemplateList list(Caller caller, String botId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> {
            List<UUID> ids = channels.whatsApp(tenant, channels.bot(tenant, botId)).stream().map(ChannelRow::id)
                    .toList();
            return new TemplateWire.TemplateList(ids.isEmpty() ? List.of()
                    : templates.list(tenant.value(), ids).stream().map(this::response).toList());
        });
    }

    TemplateWire.TemplateResponse get(Caller caller, String botId, String templateId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> response(find(tenant, botId, templateId)));
    }

    TemplateWire.SyncResponse sync(Caller caller, String botId, TemplateWire.SyncRequest request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        List<TemplateChannels.Account> accounts = scope.read(tenant, () -> {
            UUID bot = channels.bot(tenant, botId);
            List<ChannelRow> chosen = request == null || request.channelId() == null ? channels.whatsApp(tenant, bot)
                    : List.of(channels.choose(tenant, bot, request.channelId(), "channelId"));
            if (chosen.isEmpty()) {
                throw ProblemException.invalidField("channelId", "the bot has no WhatsApp channel; connect one first");
            }
            return chosen.stream().map(channels::account).toList();
        });
        Map<TemplateChannels.Account, List<TemplateGraph.Listed>> listed = new LinkedHashMap<>();
        for (TemplateChannels.Account account : accounts) {
            listed.put(account, graph.list(account.wabaId(), account.token()));
        }
        return scope.write(tenant, () -> {
            int synced = 0;
            int removed = 0;
            for (Map.Entry<TemplateChannels.Account, List<TemplateGraph.Listed>> entry : listed.entrySet()) {
                UUID channel = entry.getKey().channel().id();
                for (TemplateGraph.Listed template : entry.getValue()) {
                    templates.upsert(tenant.value(), Ids.next(), channel, template.id(), template.name(),
                            template.language(), template.category(), template.status(), template.rejectedReason(),
                            write(template.components()), true);
                    synced++;
                }
                removed += templates.deleteNotSyncedNow(tenant.value(), channel);
            }
            List<String> ids = listed.keySet().stream().map(account -> account.channel().id().toString()).toList();
            audit.record(tenant, caller.actor(), "whatsapp_template.synced", "bot", botId,
                    Map.of("channelIds", ids, "synced", synced, "removed", removed));
            return new TemplateWire.SyncResponse(synced, removed, ids);
        });
    }

    TemplateWire.TemplateResponse create(Caller caller, String botId, TemplateWire.CreateRequest request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        TemplateRules.check(request);
        TemplateChannels.Account account = scope.read(tenant, () -> {
            ChannelRow channel = channels.choose(tenant, channels.bot(tenant, botId), request.channelId(),
                    "channelId");
            if (templates.findByName(tenant.value(), channel.id(), request.name(), request.language()).isPresent()) {
                throw ProblemException.conflict("A template with this name and language exists already; delete it "
                        + "first or choose another name.");
            }
            return channels.account(channel);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", request.name());
        body.put("language", request.language());
        body.put("category", request.category());
        body.put("components", MetaComponents.of(request.components()));
        ProviderApi.Answer answer = graph.create(account.wabaId(), account.token(), body);
        String status = answer.text("status") == null ? "PENDING" : answer.text("status");
        String category = answer.text("category") == null ? request.category() : answer.text("category");
        return scope.write(tenant, () -> {
            UUID channel = account.channel().id();
            templates.upsert(tenant.value(), Ids.next(), channel, answer.text("id"), request.name(),
                    request.language(), category, status, null, write(MetaComponents.of(request.components())), false);
            TemplateRow row = templates.findByName(tenant.value(), channel, request.name(), request.language())
                    .orElseThrow();
            audit.record(tenant, caller.actor(), "whatsapp_template.created", "whatsapp_template",
                    row.id().toString(), Map.of("name", row.name(), "language", row.language()));
            return response(row);
        });
    }

    void delete(Caller caller, String botId, String templateId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        record Found(TemplateRow template, TemplateChannels.Account account) {
        }
        Found found = scope.read(tenant, () -> {
            TemplateRow template = find(tenant, botId, templateId);
            ChannelRow channel = channels.choose(tenant, channels.bot(tenant, botId), template.channelId().toString(),
                    "channelId");
            return new Found(template, channels.account(channel));
        });
        graph.delete(found.account().wabaId(), found.account().token(), found.template().name(),
                found.template().metaId());
        scope.writeVoid(tenant, () -> {
            templates.delete(tenant.value(), found.template().id());
            audit.record(tenant, caller.actor(), "whatsapp_template.deleted", "whatsapp_template", templateId,
                    Map.of("name", found.template().name(), "language", found.template().language()));
        });
    }

    /** A template of one of the bot's WhatsApp channels, or 404 (also for malformed ids and other tenants). */
    TemplateRow find(TenantId tenant, String botId, String templateId) {
        List<UUID> ids = channels.whatsApp(tenant, channels.bot(tenant, botId)).stream().map(ChannelRow::id).toList();
        return Ids.parse(templateId).flatMap(id -> templates.find(tenant.value(), id))
                .filter(row -> ids.contains(row.channelId()))
                .orElseThrow(() -> ProblemException.notFound("Template"));
    }

    TemplateWire.TemplateResponse response(TemplateRow row) {
        return new TemplateWire.TemplateResponse(row.id().toString(), row.channelId().toString(), row.metaId(),
                row.name(), row.language(), row.category(), row.status(), row.rejectionReason(),
                components(row.components()), row.syncedAt(), row.updatedAt());
    }

    private List<Map<String, Object>> components(String text) {
        try {
            List<Map<String, Object>> list = json.readValue(text,
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
            return list == null ? List.of() : new ArrayList<>(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
