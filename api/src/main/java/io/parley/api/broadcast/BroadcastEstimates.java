package io.parley.api.broadcast;

import io.micronaut.json.JsonMapper;
import io.parley.api.caller.Caller;
import io.parley.core.broadcast.BroadcastPlanner;
import io.parley.core.broadcast.BroadcastRow;
import io.parley.core.broadcast.BroadcastState;
import io.parley.core.broadcast.BroadcastStore;
import io.parley.core.broadcast.LineQuotaReader;
import io.parley.core.channel.ChannelRow;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.SealedCredentials;
import io.parley.core.secrets.SecretUnreadableException;
import io.parley.core.segment.SegmentDefinition;
import io.parley.core.segment.SegmentRepository;
import io.parley.core.template.TemplateRepository;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reach and cost of a broadcast before it is sent (docs/broadcasts.md "Estimate"): recipients per channel after
 * opt-outs (as planning would count them now), WhatsApp cost by template category × recipients
 * ({@link WhatsAppPrices}), and each LINE channel's monthly quota left, read from LINE. Sending a LINE broadcast
 * larger than what is left is refused (409) rather than paused half way.
 */
@Singleton
final class BroadcastEstimates {

    static final String LINE_QUOTA = "LINE channel %s has %s messages left this month; this broadcast would send %s."
            + " Narrow the segment, wait for next month or raise the channel's quota.";

    /** A draft's audience, read in one tenant transaction. */
    private record Draft(List<ChannelRow> channels, BroadcastPlanner.Reach reach, List<String> categories) {
    }

    private final TenantScope scope;
    private final BroadcastStore broadcasts;
    private final BroadcastChannels broadcastChannels;
    private final SegmentRepository segments;
    private final BroadcastPlanner planner;
    private final TemplateRepository templates;
    private final SealedCredentials credentials;
    private final LineQuotaReader lineQuota;
    private final WhatsAppPrices prices;
    private final JsonMapper json;

    BroadcastEstimates(TenantScope scope, BroadcastStore broadcasts, BroadcastChannels broadcastChannels,
                       SegmentRepository segments, BroadcastPlanner planner, TemplateRepository templates,
                       SealedCredentials credentials, LineQuotaReader lineQuota, WhatsAppPrices prices,
                       JsonMapper json) {
        this.scope = scope;
        this.broadcasts = broadcasts;
        this.broadcastChannels = broadcastChannels;
        this.segments = segments;
        this.planner = planner;
        this.templates = templates;
        this.credentials = credentials;
        this.lineQuota = lineQuota;
        this.prices = prices;
        this.json = json;
    }

    EstimateWire.Estimate estimate(Caller caller, EstimateWire.Request request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        Draft draft = scope.read(tenant, () -> {
            UUID t = tenant.value();
            SegmentDefinition segment = Ids.parse(request.segmentId()).flatMap(id -> segments.find(t, id))
                    .map(row -> read(row.definition(), SegmentDefinition.class))
                    .orElseThrow(() -> ProblemException.notFound("Segment"));
            List<ChannelRow> channels = broadcastChannels.resolve(t, request.channelIds());
            return draft(t, segment, channels, request.template() == null ? null : request.template().name(),
                    request.template() == null ? null : request.template().language());
        });
        List<EstimateWire.ChannelEstimate> out = new ArrayList<>();
        BigDecimal whatsappTotal = null;
        for (int i = 0; i < draft.channels().size(); i++) {
            ChannelRow channel = draft.channels().get(i);
            long recipients = draft.reach().perChannel().getOrDefault(channel.id(), 0L);
            EstimateWire.Cost cost = null;
            EstimateWire.LineQuota quota = null;
            String quotaError = null;
            boolean exceeds = false;
            if (channel.channelType() == ChannelType.WHATSAPP) {
                cost = cost(draft.categories().get(i), recipients);
                whatsappTotal = (whatsappTotal == null ? BigDecimal.ZERO : whatsappTotal).add(cost.total());
            } else if (channel.channelType() == ChannelType.LINE) {
                try {
                    LineQuotaReader.Quota read = lineQuota.read(credentials.open(channel));
                    quota = new EstimateWire.LineQuota(read.limit() != null, read.limit(), read.used(),
                            read.remaining());
                    exceeds = read.remaining() != null && recipients > read.remaining();
                } catch (LineQuotaReader.Unreadable e) {
                    quotaError = e.getMessage();
                } catch (SecretUnreadableException e) {
                    quotaError = "the channel's credentials cannot be decrypted";
                }
            }
            out.add(new EstimateWire.ChannelEstimate(channel.id().toString(), channel.type(), name(channel),
                    recipients, cost, quota, quotaError, exceeds));
        }
        long total = draft.reach().perChannel().values().stream().mapToLong(Long::longValue).sum();
        return new EstimateWire.Estimate(total, draft.reach().optedOut(), out,
                whatsappTotal == null ? null : new EstimateWire.Money(prices.currency(), whatsappTotal));
    }

    /**
     * Refuses (409) to send a draft whose recipients on a LINE channel exceed the monthly quota LINE says is left.
     * A quota LINE does not answer does not block the send: the worker reads it again before each batch.
     */
    void requireLineQuota(TenantId tenant, String broadcastId) {
        Draft draft = scope.read(tenant, () -> {
            UUID t = tenant.value();
            BroadcastRow row = Ids.parse(broadcastId).flatMap(id -> broadcasts.find(t, id)).orElse(null);
            if (row == null || row.state() != BroadcastState.DRAFT || row.segmentId() == null) {
                return null; // the send answers 404 or 409 itself
            }
            SegmentDefinition segment = segments.find(t, row.segmentId())
                    .map(s -> read(s.definition(), SegmentDefinition.class)).orElse(null);
            List<ChannelRow> channels = row.channelIds().stream().flatMap(id -> broadcasts.channelBot(t, id)
                    .flatMap(bot -> broadcastChannels.find(t, bot, id)).stream())
                    .filter(channel -> channel.channelType() == ChannelType.LINE).toList();
            return segment == null || channels.isEmpty() ? null
                    : new Draft(channels, planner.reach(t, segment, row.channelIds()), List.of());
        });
        if (draft == null) {
            return;
        }
        for (ChannelRow channel : draft.channels()) {
            long recipients = draft.reach().perChannel().getOrDefault(channel.id(), 0L);
            Long remaining;
            try {
                remaining = lineQuota.read(credentials.open(channel)).remaining();
            } catch (LineQuotaReader.Unreadable | SecretUnreadableException e) {
                continue;
            }
            if (remaining != null && recipients > remaining) {
                throw ProblemException.conflict(LINE_QUOTA.formatted(name(channel), remaining, recipients));
            }
        }
    }

    private Draft draft(UUID tenant, SegmentDefinition segment, List<ChannelRow> channels, String template,
                        String language) {
        List<String> categories = new ArrayList<>();
        for (ChannelRow channel : channels) {
            if (channel.channelType() != ChannelType.WHATSAPP) {
                categories.add(null);
            } else if (template == null) {
                categories.add("service");
            } else {
                categories.add(templates.findByName(tenant, channel.id(), template, language)
                        .map(row -> row.category()).orElse(""));
            }
        }
        return new Draft(channels, planner.reach(tenant, segment, channels.stream().map(ChannelRow::id).toList()),
                categories);
    }

    private EstimateWire.Cost cost(String category, long recipients) {
        boolean assumed = category.isEmpty();
        String named = assumed ? "marketing" : category.toLowerCase(java.util.Locale.ROOT);
        BigDecimal unit = prices.of(named);
        return new EstimateWire.Cost(named, assumed, prices.currency(), unit,
                unit.multiply(BigDecimal.valueOf(recipients)));
    }

    private static String name(ChannelRow channel) {
        return channel.name() == null ? channel.channelType().label() : channel.name();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
