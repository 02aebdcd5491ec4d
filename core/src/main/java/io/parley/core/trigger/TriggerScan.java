package io.parley.core.trigger;

import io.micronaut.json.JsonMapper;
import io.parley.core.flow.FlowCodec;
import io.parley.core.flow.Trigger;
import io.parley.core.flow.condition.TenantTimeZones;
import io.parley.core.segment.SegmentDefinition;
import io.parley.core.segment.SegmentRepository;
import io.parley.core.segment.SegmentRow;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One tenant's scan (the {@code trigger.scan} job): for each enabled inactive flow, the conversations whose silence
 * reached its length; for each enabled schedule flow, the latest occurrence that fell due within
 * {@code parley.triggers.schedule-catch-up} (and after the flow was created) and the audience it has not reached.
 * Runs are recorded and enqueued in batches, one transaction each; a scan cut short is finished by the next one,
 * and the runs' unique keys make overlapping scans harmless.
 */
@Singleton
public final class TriggerScan {

    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(TriggerScan.class);

    private final TenantScope scope;
    private final TriggerRunRepository runs;
    private final ProactiveTriggers triggers;
    private final FlowCodec codec;
    private final TenantTimeZones zones;
    private final SegmentRepository segments;
    private final ScheduleAudience audience;
    private final JsonMapper json;
    private final TriggerSettings settings;

    TriggerScan(TenantScope scope, TriggerRunRepository runs, ProactiveTriggers triggers, FlowCodec codec,
                TenantTimeZones zones, SegmentRepository segments, ScheduleAudience audience, JsonMapper json,
                TriggerSettings settings) {
        this.scope = scope;
        this.runs = runs;
        this.triggers = triggers;
        this.codec = codec;
        this.zones = zones;
        this.segments = segments;
        this.audience = audience;
        this.json = json;
        this.settings = settings;
    }

    /** The number of runs queued. */
    public int scan(TenantId tenant, Instant now) {
        List<ProactiveFlow> flows = scope.read(tenant, () -> runs.scannedFlows(tenant.value()));
        int queued = 0;
        for (ProactiveFlow flow : flows) {
            switch (codec.readTrigger(flow.triggerType(), flow.trigger())) {
                case Trigger.Inactive inactive -> queued += inactive(tenant, flow, inactive, now);
                case Trigger.Schedule schedule -> queued += schedule(tenant, flow, schedule, now);
                default -> {
                }
            }
        }
        return queued;
    }

    private int inactive(TenantId tenant, ProactiveFlow flow, Trigger.Inactive trigger, Instant now) {
        long silence = trigger.duration().toSeconds();
        int queued = 0;
        while (true) {
            int[] batch = scope.write(tenant, () -> {
                List<SilentConversation> silent = runs.silent(tenant.value(), flow.botId(), flow.id(), now, silence,
                        flow.createdAt(), BATCH);
                int fired = 0;
                for (SilentConversation conversation : silent) {
                    fired += triggers.fire(tenant, flow, conversation.contactId(), conversation.occurrence(),
                            new TriggerTarget(conversation.channelId(), conversation.externalUserId())) ? 1 : 0;
                }
                return new int[] {silent.size(), fired};
            });
            queued += batch[1];
            if (batch[0] < BATCH) {
                return queued;
            }
        }
    }

    private int schedule(TenantId tenant, ProactiveFlow flow, Trigger.Schedule trigger, Instant now) {
        Instant since = flow.createdAt().isAfter(now.minus(settings.scheduleCatchUp())) ? flow.createdAt()
                : now.minus(settings.scheduleCatchUp());
        Optional<ScheduleTimes.Occurrence> due = ScheduleTimes.latest(trigger, zones.of(tenant), since, now);
        if (due.isEmpty()) {
            return 0;
        }
        SegmentDefinition segment = null;
        if (trigger.segmentId() != null) {
            segment = segment(tenant, trigger.segmentId());
            if (segment == null) {
                LOG.warn("Schedule flow {} names segment {}, which no longer exists; not sent", flow.id(),
                        trigger.segmentId());
                return 0;
            }
        }
        String occurrence = "schedule:" + due.get().key();
        SegmentDefinition audienceSegment = segment;
        int queued = 0;
        while (true) {
            int[] batch = scope.write(tenant, () -> {
                List<UUID> contacts = audience.next(tenant.value(), flow, occurrence, due.get().at(), audienceSegment,
                        BATCH);
                int fired = 0;
                for (UUID contact : contacts) {
                    Optional<TriggerTarget> target = runs.target(tenant.value(), flow.botId(), contact);
                    if (target.isPresent()) {
                        fired += triggers.fire(tenant, flow, contact, occurrence, target.get()) ? 1 : 0;
                    } else {
                        triggers.skip(tenant, flow, contact, occurrence, "no_channel");
                    }
                }
                return new int[] {contacts.size(), fired};
            });
            queued += batch[1];
            if (batch[0] < BATCH) {
                return queued;
            }
        }
    }

    private SegmentDefinition segment(TenantId tenant, UUID segmentId) {
        SegmentRow row = scope.read(tenant, () -> segments.find(tenant.value(), segmentId).orElse(null));
        if (row == null) {
            return null;
        }
        try {
            return json.readValue(row.definition(), SegmentDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored segment " + segmentId + " is unreadable", e);
        }
    }
}
