package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.bot.BotRow;
import io.parley.core.contact.ContactRow;
import io.parley.core.conversation.ConversationRow;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.plan.PlanRepository;
import io.parley.core.plan.PlanRow;
import io.parley.core.tenancy.TenantId;
import io.parley.core.usage.UsageCounterRow;
import io.parley.core.usage.UsagePeriod;
import io.parley.core.usage.UsageMeter;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The limits a message meets before flows and the LLM:
 * <ul>
 *   <li>per contact per hour and per day: the bot's {@code limit_per_hour}/{@code limit_per_day}, or its
 *       {@code tier_limits} entry for the contact's tier ({@code {"premium": {}}} = unlimited), counted over the
 *       contact's inbound messages of the last hour/day (this one included);</li>
 *   <li>the tenant's plan: answered turns this month ({@code max_messages_per_month});</li>
 *   <li>the plan's monthly LLM budget, which only stops turns that would call the LLM — flows cost nothing.</li>
 * </ul>
 * A limited contact gets the bot's limit message once per window ({@code conversations.limit_notice_until}); further
 * messages in the window are stored and stay unanswered.
 */
@Singleton
final class TurnLimits {

    private static final Argument<Map<String, Map<String, Integer>>> TIERS =
            Argument.mapOf(Argument.STRING, Argument.mapOf(String.class, Integer.class));

    private final MessageRepository messages;
    private final UsageMeter usage;
    private final PlanRepository plans;
    private final JsonMapper json;

    TurnLimits(MessageRepository messages, UsageMeter usage, PlanRepository plans, JsonMapper json) {
        this.messages = messages;
        this.usage = usage;
        this.plans = plans;
        this.json = json;
    }

    /**
     * @param limitedUntil   set when a message limit is hit: the end of its window
     * @param llmBudgetUntil set when the LLM budget is spent: the end of the month
     * @param noticeActive   a limit message went out and its window has not ended
     * @param quota          {@code limitedUntil} is the tenant's plan quota (answered messages this month), not the
     *                       contact's own limit: the contact gets the bot's quota message, not its limit message
     */
    record Verdict(@Nullable Instant limitedUntil, @Nullable Instant llmBudgetUntil, boolean noticeActive,
                   boolean quota) {

        Verdict(@Nullable Instant limitedUntil, @Nullable Instant llmBudgetUntil, boolean noticeActive) {
            this(limitedUntil, llmBudgetUntil, noticeActive, false);
        }

        static Verdict none() {
            return new Verdict(null, null, false);
        }
    }

    /** Call inside the tenant's scope, after the inbound message is stored. */
    Verdict check(TenantId tenant, BotRow bot, ContactRow contact, ConversationRow conversation, Instant now) {
        boolean noticeActive = conversation.limitNoticeUntil() != null && now.isBefore(conversation.limitNoticeUntil());
        Integer perHour = bot.limitPerHour();
        Integer perDay = bot.limitPerDay();
        Map<String, Integer> tier = tiers(bot).get(contact.tier());
        if (tier != null) {
            perHour = tier.get("perHour");
            perDay = tier.get("perDay");
        }
        if (perHour != null && countSince(tenant, contact, now.minus(Duration.ofHours(1))) > perHour) {
            return new Verdict(now.plus(Duration.ofHours(1)), null, noticeActive);
        }
        if (perDay != null && countSince(tenant, contact, now.minus(Duration.ofDays(1))) > perDay) {
            return new Verdict(now.plus(Duration.ofDays(1)), null, noticeActive);
        }
        PlanRow plan = plans.tenantPlan(tenant.value()).orElse(null);
        if (plan == null) {
            return new Verdict(null, null, noticeActive);
        }
        String period = UsagePeriod.of(now);
        // up to one flush interval behind the other processes' counts (UsageMeter): a quota may overshoot that much
        UsageCounterRow used = usage.used(tenant, period);
        Instant monthEnd = UsagePeriod.end(now);
        if (plan.maxMessagesPerMonth() != null && used.messages() >= plan.maxMessagesPerMonth()) {
            return new Verdict(monthEnd, null, noticeActive, true);
        }
        boolean budgetSpent = plan.monthlyLlmBudgetMicros() != null
                && used.llmCostMicros() >= plan.monthlyLlmBudgetMicros();
        return new Verdict(null, budgetSpent ? monthEnd : null, noticeActive);
    }

    private long countSince(TenantId tenant, ContactRow contact, Instant since) {
        return messages.countInboundSince(tenant.value(), contact.id(), since);
    }

    private Map<String, Map<String, Integer>> tiers(BotRow bot) {
        try {
            Map<String, Map<String, Integer>> tiers = json.readValue(bot.tierLimits(), TIERS);
            return tiers == null ? Map.of() : tiers;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // the API validates tier limits; an unreadable value means "no overrides"
        }
    }
}
