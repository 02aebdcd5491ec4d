package io.parley.api.billing;

import io.micronaut.core.annotation.Nullable;
import io.parley.api.caller.Caller;
import io.parley.api.llmprice.UnpricedModels;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.usage.LedgerCell;
import io.parley.core.usage.UsageLedgerRepository;
import io.parley.core.usage.UsagePeriod;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The usage ledger of a month, per bot and channel, for owners and admins. */
@Singleton
final class UsageLedgerService {

    static final String PERIOD_RULE = "must be a month written YYYY-MM";

    private final TenantScope scope;
    private final UsageLedgerRepository ledger;
    private final UnpricedModels unpriced;

    UsageLedgerService(TenantScope scope, UsageLedgerRepository ledger, UnpricedModels unpriced) {
        this.scope = scope;
        this.ledger = ledger;
        this.unpriced = unpriced;
    }

    UsageLedgerWire.Ledger read(Caller caller, @Nullable String period) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        YearMonth month = month(period);
        Instant from = UsagePeriod.start(month);
        Instant to = UsagePeriod.start(month.plusMonths(1));
        return scope.read(tenant, () -> {
            List<LedgerCell> cells = ledger.cells(tenant.value(), from, to);
            UsageLedgerWire.Counts totals = UsageLedgerWire.zero();
            Map<UUID, UsageLedgerWire.BotUsage> bots = new LinkedHashMap<>();
            List<UsageLedgerWire.ChannelUsage> channels = new ArrayList<>();
            for (LedgerCell cell : cells) {
                UsageLedgerWire.Counts counts = counts(cell);
                totals = UsageLedgerWire.sum(totals, counts);
                bots.merge(cell.botId(), new UsageLedgerWire.BotUsage(cell.botId().toString(), cell.botName(), counts),
                        (a, b) -> new UsageLedgerWire.BotUsage(a.botId(), a.botName(), UsageLedgerWire.sum(a.usage(), b.usage())));
                channels.add(new UsageLedgerWire.ChannelUsage(
                        cell.channelId() == null ? null : cell.channelId().toString(), cell.channelName(),
                        cell.channelType(), cell.botId().toString(), counts));
            }
            return new UsageLedgerWire.Ledger(month.toString(), from, to, totals, List.copyOf(bots.values()),
                    channels, unpriced.in(tenant, month));
        });
    }

    private static UsageLedgerWire.Counts counts(LedgerCell cell) {
        return new UsageLedgerWire.Counts(cell.answeredMessages(), cell.llmCalls(), cell.promptTokens(),
                cell.completionTokens(), cell.llmCostMicros(), cell.unpricedLlmCalls(), cell.broadcastRecipients());
    }

    private static YearMonth month(@Nullable String period) {
        if (period == null || period.isBlank()) {
            return YearMonth.from(Instant.now().atZone(ZoneOffset.UTC));
        }
        try {
            if (!period.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException(period, period, 0);
            }
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("period", PERIOD_RULE);
        }
    }
}
