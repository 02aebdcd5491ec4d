package io.parley.worker.template;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.parley.core.ServerRoles;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobDiscard;
import io.parley.core.queue.JobHandler;
import io.parley.core.template.TemplateRepository;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * Applies a WhatsApp template status update (Meta's {@code message_template_status_update} webhook field) to the
 * stored template of the channel: the event becomes the status (REINSTATED means APPROVED again), Meta's reason the
 * rejection reason ("NONE" is none). A template Parley has not synced yet is left for the next sync. Idempotent.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class TemplateStatusHandler implements JobHandler {

    static final String KIND = "whatsapp.template-status";

    private static final Logger LOG = LoggerFactory.getLogger(TemplateStatusHandler.class);
    private static final Map<String, String> STATUS_OF_EVENT = Map.of("REINSTATED", "APPROVED");

    private final TenantScope scope;
    private final TemplateRepository templates;
    private final JsonMapper json;

    TemplateStatusHandler(TenantScope scope, TemplateRepository templates, JsonMapper json) {
        this.scope = scope;
        this.templates = templates;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        TemplateStatusArgs args;
        try {
            args = json.readValue(job.argsJson(), TemplateStatusArgs.class);
        } catch (IOException e) {
            throw new JobDiscard("the " + KIND + " job's arguments are not readable");
        }
        String status = STATUS_OF_EVENT.getOrDefault(args.event(), args.event());
        String reason = args.reason() == null || args.reason().isBlank() || "NONE".equals(args.reason()) ? null
                : args.reason().length() > 1000 ? args.reason().substring(0, 1000) : args.reason();
        int updated = scope.write(job.tenant(), () -> templates.updateStatus(job.tenant().value(), args.channelId(),
                args.templateId(), args.name(), args.language(), status, reason));
        if (updated == 0) {
            LOG.info("WhatsApp template {} of channel {} is not stored yet; the next sync brings it",
                    args.templateId(), args.channelId());
        }
    }
}
