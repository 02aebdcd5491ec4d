package io.parley.worker.summary;

import io.micronaut.json.JsonMapper;
import io.parley.core.bot.BotRow;
import io.parley.core.conversation.MessageRow;
import io.parley.core.queue.JobQueue;
import io.parley.core.queue.JobRequest;
import io.parley.core.summary.SummarySettings;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Queues the summary job of a conversation whose history passed the bot's window (docs/llm.md "Long memory"). Called
 * in the reply's transaction, so the job exists exactly when the reply does. Never on the turn's path: the job runs
 * later, at a priority below every turn and send, serial per conversation, and its own slot (virtual thread).
 *
 * <p>One job per (conversation, oldest message of the window): a re-run of the turn queues nothing twice, and a job
 * whose messages another job summarized already finds nothing to do.
 */
@Singleton
public final class SummaryJobs {

    public static final String KIND = "conversation.summary";
    /** Below turns (0) and broadcasts (−10): a summary waits for everything a contact is waiting for. */
    static final int PRIORITY = -20;

    private final JobQueue queue;
    private final JsonMapper json;

    SummaryJobs(JobQueue queue, JsonMapper json) {
        this.queue = queue;
        this.json = json;
    }

    /**
     * @param historyNewestFirst the window the turn showed the LLM: when it is full, older messages fell out of it
     */
    public void afterReply(TenantId tenant, BotRow bot, UUID conversationId, List<MessageRow> historyNewestFirst) {
        int window = bot.historyWindow();
        if (window <= 0 || historyNewestFirst.size() < window
                || !SummarySettings.read(json, bot.memorySettings()).summary()) {
            return;
        }
        UUID oldest = historyNewestFirst.getLast().id();
        String args = "{\"conversationId\": \"" + conversationId + "\", \"botId\": \"" + bot.id() + "\"}";
        queue.enqueue(tenant, new JobRequest(KIND, args, "summary:" + conversationId + ":" + oldest,
                "summary:" + conversationId, PRIORITY, 3, null, null));
    }
}
