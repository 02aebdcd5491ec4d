package io.parley.api.template;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.core.audit.AuditLog;
import io.parley.core.channel.ChannelRow;
import io.parley.core.template.TemplateRepository;
import io.parley.core.template.TemplateRow;
import io.parley.core.template.WindowFallbackRepository;
import io.parley.core.template.WindowFallbackRow;
import io.parley.core.template.WindowVariables;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The 24-hour-window fallback template of a bot's WhatsApp channel (docs/whatsapp-templates.md): which template the
 * worker sends when WhatsApp refuses a free-form message with 131047, and what fills its body variables. The template
 * must be one of the channel's (synced or submitted) with as many body variables as values given.
 */
@Singleton
final class WindowFallbackService {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([1-9][0-9]{0,2})\\s*}}");

    private final TenantScope scope;
    private final TemplateChannels channels;
    private final TemplateRepository templates;
    private final WindowFallbackRepository fallbacks;
    private final AuditLog audit;
    private final JsonMapper json;

    WindowFallbackService(TenantScope scope, TemplateChannels channels, TemplateRepository templates,
                          WindowFallbackRepository fallbacks, AuditLog audit, JsonMapper json) {
        this.scope = scope;
        this.channels = channels;
        this.templates = templates;
        this.fallbacks = fallbacks;
        this.audit = audit;
        this.json = json;
    }

    TemplateWire.WindowFallback get(Caller caller, String botId, String channelId) {
        TenantId tenant = caller.requireTenant(Role.VIEWER);
        return scope.read(tenant, () -> {
            ChannelRow channel = channels.choose(tenant, channels.bot(tenant, botId), channelId, "channelId");
            return fallbacks.find(tenant.value(), channel.id()).map(this::response)
                    .orElseThrow(() -> ProblemException.notFound("Fallback template"));
        });
    }

    TemplateWire.WindowFallback put(Caller caller, String botId, String channelId,
                                    TemplateWire.WindowFallbackRequest request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.bodyVariables().size(); i++) {
            List<String> unknown = WindowVariables.unknown(request.bodyVariables().get(i));
            if (!unknown.isEmpty()) {
                errors.add(new Problem.FieldError("bodyVariables[" + i + "]", "unknown placeholder: "
                        + String.join(", ", unknown)));
            }
        }
        refuse(errors);
        return scope.write(tenant, () -> {
            ChannelRow channel = channels.choose(tenant, channels.bot(tenant, botId), channelId, "channelId");
            TemplateRow template = templates.findByName(tenant.value(), channel.id(), request.templateName(),
                    request.language()).orElseThrow(() -> ProblemException.invalidField("templateName",
                    "is not a template of this channel in this language; sync the templates first"));
            int variables = bodyVariables(template);
            if (variables != request.bodyVariables().size()) {
                throw ProblemException.invalidField("bodyVariables", "must give one value per variable of the "
                        + "template's body (" + variables + ")");
            }
            fallbacks.save(tenant.value(), channel.id(), request.templateName(), request.language(),
                    write(request.bodyVariables()));
            audit.record(tenant, caller.actor(), "whatsapp_window_fallback.saved", "channel",
                    channel.id().toString(), Map.of("templateName", request.templateName(),
                            "language", request.language()));
            return response(fallbacks.find(tenant.value(), channel.id()).orElseThrow());
        });
    }

    void delete(Caller caller, String botId, String channelId) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            ChannelRow channel = channels.choose(tenant, channels.bot(tenant, botId), channelId, "channelId");
            if (fallbacks.delete(tenant.value(), channel.id()) == 0) {
                throw ProblemException.notFound("Fallback template");
            }
            audit.record(tenant, caller.actor(), "whatsapp_window_fallback.removed", "channel",
                    channel.id().toString(), Map.of());
        });
    }

    /** The number of distinct {{n}} in the template's BODY component. */
    private int bodyVariables(TemplateRow template) {
        try {
            List<Map<String, Object>> components = json.readValue(template.components(),
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
            for (Map<String, Object> component : components == null ? List.<Map<String, Object>>of() : components) {
                if ("BODY".equalsIgnoreCase(String.valueOf(component.get("type")))
                        && component.get("text") instanceof String text) {
                    return (int) VARIABLE.matcher(text).results().map(match -> match.group(1)).distinct().count();
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TemplateWire.WindowFallback response(WindowFallbackRow row) {
        try {
            List<String> variables = json.readValue(row.bodyVariables(), Argument.listOf(String.class));
            return new TemplateWire.WindowFallback(row.channelId().toString(), row.templateName(), row.language(),
                    variables == null ? List.of() : variables, row.updatedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void refuse(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, HttpStatus.BAD_REQUEST,
                    String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors,
                    Map.of());
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
