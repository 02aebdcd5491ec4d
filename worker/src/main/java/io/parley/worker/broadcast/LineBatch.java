package io.parley.worker.broadcast;

import io.parley.core.broadcast.BroadcastMessage;
import io.parley.core.broadcast.RecipientRow;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.ratelimit.SendGovernor;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.outbound.SendFailure;
import io.parley.worker.outbound.governor.SendPacing;
import io.parley.worker.outbound.line.LineMulticast;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * One LINE batch: recipients sharing the broadcast's message go in one multicast (≤ 500 ids) under the batch's
 * {@code X-Line-Retry-Key}; a recipient with content of its own is pushed under a key derived from its row, stable
 * across attempts. Keys are written with "sending" before the call, so a retry sends the very same request.
 */
final class LineBatch {

    private final TenantScope scope;
    private final RecipientStore recipients;
    private final LineMulticast line;
    private final SendPacing pacing;
    private final BiFunction<BroadcastChannelSend.Context, RecipientRow, BroadcastMessage> content;

    LineBatch(TenantScope scope, RecipientStore recipients, LineMulticast line, SendPacing pacing,
              BiFunction<BroadcastChannelSend.Context, RecipientRow, BroadcastMessage> content) {
        this.scope = scope;
        this.recipients = recipients;
        this.line = line;
        this.pacing = pacing;
        this.content = content;
    }

    void send(BroadcastChannelSend.Context context, List<RecipientRow> batch, UUID batchKey) throws Exception {
        Failures failures = new Failures(scope, recipients, pacing);
        List<RecipientRow> shared = new ArrayList<>();
        for (RecipientRow row : batch) {
            if (row.contentJson() == null) {
                shared.add(row);
                continue;
            }
            pacing.take(context.channel(), context.secrets(), row.externalUserId(), SendGovernor.Priority.BULK,
                    SendPacing.LineEndpoint.PUSH);
            try {
                line.push(context.secrets(), row.externalUserId(), Parts.of(content.apply(context, row), row.id()),
                        UUID.nameUUIDFromBytes(("broadcast-push:" + context.broadcast().id() + ":" + row.id())
                                .getBytes(StandardCharsets.UTF_8)));
                record(context, List.of(row));
            } catch (SendFailure failure) {
                failures.handle(context, List.of(row), failure);
            }
        }
        if (shared.isEmpty()) {
            return;
        }
        pacing.take(context.channel(), context.secrets(), "", SendGovernor.Priority.BULK,
                SendPacing.LineEndpoint.MULTICAST);
        try {
            line.multicast(context.secrets(), shared.stream().map(RecipientRow::externalUserId).toList(),
                    Parts.of(context.message(), 0), batchKey);
            record(context, shared);
        } catch (SendFailure failure) {
            failures.handle(context, shared, failure);
        }
    }

    private void record(BroadcastChannelSend.Context context, List<RecipientRow> rows) {
        scope.writeVoid(context.tenant(), () -> recipients.markSent(context.tenant().value(),
                context.broadcast().id(), rows.stream().map(RecipientRow::id).toList()));
    }
}
