package io.parley.worker.template;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.queue.JobRequest;

import java.util.UUID;

/**
 * The job that applies one WhatsApp {@code message_template_status_update} to the channel's stored template (kind
 * {@value TemplateStatusHandler#KIND}). Unique per channel, template, event and the change's time, so a redelivered
 * webhook changes nothing twice while a later, equal event (APPROVED again after PAUSED) still applies.
 */
@Serdeable
public record TemplateStatusArgs(UUID channelId, String templateId, @Nullable String name, @Nullable String language,
                                 String event, @Nullable String reason) {

    public JobRequest job(String argsJson, @Nullable Long time) {
        return JobRequest.of(TemplateStatusHandler.KIND, argsJson)
                .unique("wa-template:" + channelId + ":" + templateId + ":" + event + ":" + (time == null ? "" : time));
    }
}
