package io.parley.worker.ingress.whatsapp;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.parley.core.ServerRoles;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.ingress.IngressChannel;
import io.parley.worker.template.TemplateStatusArgs;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Template status changes in a WhatsApp notification (field {@code message_template_status_update}; Meta's webhook
 * reference, docs/whatsapp-templates.md "Protocol"): each becomes a job for the channel whose webhook received it,
 * the WABA being the channel's. The webhook only enqueues; the job writes the status.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class TemplateStatusUpdates {

    static final String FIELD = "message_template_status_update";

    private final TenantScope scope;
    private final JobQueue queue;
    private final JsonMapper json;

    TemplateStatusUpdates(TenantScope scope, JobQueue queue, JsonMapper json) {
        this.scope = scope;
        this.queue = queue;
        this.json = json;
    }

    /** Enqueues one job per template status change; duplicates of a delivery are ignored by the jobs' keys. */
    void enqueue(IngressChannel channel, WhatsAppWire.Notification notification) {
        List<JobRequest> jobs = new ArrayList<>();
        for (WhatsAppWire.Entry entry : notification.entry() == null ? List.<WhatsAppWire.Entry>of()
                : notification.entry()) {
            for (WhatsAppWire.Change change : entry == null || entry.changes() == null ? List.<WhatsAppWire.Change>of()
                    : entry.changes()) {
                WhatsAppWire.Value value = change == null ? null : change.value();
                if (change == null || !FIELD.equals(change.field()) || value == null || value.event() == null
                        || value.messageTemplateId() == null) {
                    continue;
                }
                TemplateStatusArgs args = new TemplateStatusArgs(channel.id(), templateId(value.messageTemplateId()),
                        value.messageTemplateName(), value.messageTemplateLanguage(), value.event(), value.reason());
                jobs.add(args.job(write(args), entry.time()));
            }
        }
        if (!jobs.isEmpty()) {
            scope.writeVoid(channel.tenant(), () -> jobs.forEach(job -> queue.enqueue(channel.tenant(), job)));
        }
    }

    /** Meta sends the id as a JSON number; a long keeps every digit (a double would not). */
    private static String templateId(Object id) {
        return id instanceof Number number ? Long.toString(number.longValue()) : id.toString();
    }

    private String write(TemplateStatusArgs args) {
        try {
            return json.writeValueAsString(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
