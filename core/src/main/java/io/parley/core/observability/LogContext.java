package io.parley.core.observability;

import io.micronaut.core.annotation.Nullable;
import org.slf4j.MDC;

import java.util.List;
import java.util.UUID;

/**
 * The ids a log line carries in its MDC (docs/operations/observability.md, "Logs"): with {@code PARLEY_LOG_FORMAT=json}
 * every line has them as fields, so an operator can follow one tenant, bot or conversation across workers. Ids
 * only — never a message, a name, a contact's provider id or a secret. Set for a job by {@link JobLogContext}; a
 * handler adds the bot and conversation once it knows them. All are removed when the job's attempt ends.
 */
public final class LogContext {

    public static final String TENANT = "tenant_id";
    public static final String BOT = "bot_id";
    public static final String CONVERSATION = "conversation_id";
    public static final String CHANNEL = "channel_id";
    public static final String JOB = "job_id";
    public static final String JOB_KIND = "job_kind";
    public static final String TRACE = "trace_id";
    public static final String SPAN = "span_id";

    static final List<String> KEYS = List.of(TENANT, BOT, CONVERSATION, CHANNEL, JOB, JOB_KIND, TRACE, SPAN);

    private LogContext() {
    }

    /** The conversation a handler works on, from here to the end of its job's attempt. */
    public static void conversation(@Nullable UUID bot, @Nullable UUID channel, @Nullable UUID conversation) {
        put(BOT, bot);
        put(CHANNEL, channel);
        put(CONVERSATION, conversation);
    }

    static void put(String key, @Nullable Object value) {
        if (value != null) {
            MDC.put(key, value.toString());
        }
    }

    static void clear() {
        KEYS.forEach(MDC::remove);
    }
}
