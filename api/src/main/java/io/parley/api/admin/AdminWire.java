package io.parley.api.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.admin.OperatorTenants.TenantSummary;
import io.parley.core.admin.PlatformAuditLog;
import io.parley.core.admin.PlatformHealth;
import io.parley.http.health.LlmHealth;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Requests and answers of the operator console's API (docs/operator-console.md). */
final class AdminWire {

    private AdminWire() {
    }

    @Serdeable
    @Schema(name = "AdminTenant", description = "A tenant as the operator console shows it")
    record AdminTenant(@Schema(requiredMode = REQUIRED) String id,
                       @Schema(requiredMode = REQUIRED) String name,
                       @Schema(requiredMode = REQUIRED, description = "The plan in effect (a live subscription wins "
                               + "over the base plan)", example = "pro") String plan,
                       @Nullable @Schema(description = "The Stripe subscription's status, if any",
                               example = "active") String billingStatus,
                       @Schema(requiredMode = REQUIRED, allowableValues = {"active", "suspended", "closed"})
                       String status,
                       @Schema(requiredMode = REQUIRED) Instant createdAt,
                       @Schema(requiredMode = REQUIRED) long members,
                       @Schema(requiredMode = REQUIRED) long bots,
                       @Schema(requiredMode = REQUIRED, description = "Answered turns this month (UTC), as the plan "
                               + "counts them") long messagesThisMonth,
                       @Schema(requiredMode = REQUIRED, description = "LLM spend this month in micro-USD")
                       long llmCostMicrosThisMonth,
                       @Nullable @Schema(description = "An owner's email") String ownerEmail,
                       @Nullable @Schema(description = "While suspended: why") String suspensionReason,
                       @Nullable @Schema(description = "While suspended: since when") Instant suspendedAt) {

        static AdminTenant of(TenantSummary row) {
            return new AdminTenant(row.id().toString(), row.name(), row.plan(), row.billingStatus(), row.status(),
                    row.createdAt(), row.members(), row.bots(), row.messagesThisMonth(), row.llmCostMicrosThisMonth(),
                    row.ownerEmail(), row.suspensionReason(), row.suspendedAt());
        }
    }

    @Serdeable
    @Schema(name = "SuspendTenantRequest")
    record SuspendRequest(@NotBlank @Size(max = 500) @Schema(requiredMode = REQUIRED,
            description = "Why; shown in both audit logs", example = "Unpaid invoices since October") String reason) {
    }

    @Serdeable
    @Schema(name = "ResumedTenant")
    record Resumed(@NotNull AdminTenant tenant, // not @Schema here: that would make a second schema
                   @Schema(requiredMode = REQUIRED, description = "Messages received while suspended, now queued to be "
                           + "answered") int heldTurnsQueued,
                   @Schema(requiredMode = REQUIRED, description = "Broadcast sends and proactive trigger runs held "
                           + "while suspended, now queued to go out") int heldJobsQueued) {
    }

    @Serdeable
    @Schema(name = "AssignPlanRequest")
    record AssignPlanRequest(@NotBlank @Schema(requiredMode = REQUIRED, example = "pro") String planId) {
    }

    @Serdeable
    @Schema(name = "GrantCreditRequest")
    record GrantCreditRequest(@NotNull @Positive @Max(CreditGrants.MAX_AMOUNT) @Schema(requiredMode = REQUIRED,
                                      type = "integer", format = "int64", description = "A whole number in the minor "
                                      + "unit of the currency of the tenant's plan in effect (cents for usd)",
                                      example = "2500") BigDecimal amount,
                              @NotBlank @Size(max = 500) @Schema(requiredMode = REQUIRED, description = "Why; shown "
                                      + "to the tenant and in both audit logs", example = "Outage on 3 December")
                              String reason,
                              @Nullable @Schema(description = "Not supported: a Stripe customer balance never "
                                      + "expires, so a grant with an expiry is refused (400)") Instant expiresAt) {
    }

    @Serdeable
    @Schema(name = "ImpersonationRequest")
    record ImpersonationRequest(@NotBlank @Size(max = 500) @Schema(requiredMode = REQUIRED,
            description = "Why you look; shown in the tenant's audit log", example = "Support ticket #1234")
                                String reason) {
    }

    @Serdeable
    @Schema(name = "ImpersonationToken", description = "A read-only access token acting in the tenant")
    record ImpersonationToken(@Schema(requiredMode = REQUIRED) String accessToken,
                              @Schema(requiredMode = REQUIRED, example = "Bearer") String tokenType,
                              @Schema(requiredMode = REQUIRED, description = "Seconds until it expires; it cannot be "
                                      + "refreshed", example = "600") int expiresIn,
                              @Schema(requiredMode = REQUIRED) String tenantId,
                              @Schema(requiredMode = REQUIRED, description = "Always true: every write is refused")
                              boolean readOnly) {
    }

    @Serdeable
    @Schema(name = "PlatformHealth")
    record Health(@Schema(requiredMode = REQUIRED) List<QueueKind> queue,
                  @Schema(requiredMode = REQUIRED, description = "Waiting jobs due now, every kind") long queueDepth,
                  @Schema(requiredMode = REQUIRED, description = "Age of the oldest due job, seconds")
                  double oldestJobSeconds,
                  @Schema(requiredMode = REQUIRED) List<FailingChannel> failingChannels,
                  @Nullable @Schema(description = "This process's LLM circuits; null in a process without the "
                          + "worker role") LlmHealth llm) {
    }

    @Serdeable
    @Schema(name = "PlatformQueueKind")
    record QueueKind(@Schema(requiredMode = REQUIRED) String kind,
                     @Schema(requiredMode = REQUIRED, description = "Due now, not claimed") long available,
                     @Schema(requiredMode = REQUIRED, description = "Due later") long scheduled,
                     @Schema(requiredMode = REQUIRED) long running,
                     @Schema(requiredMode = REQUIRED, description = "Failed, waiting for a retry") long retryable,
                     @Schema(requiredMode = REQUIRED) double oldestDueSeconds) {
        static QueueKind of(PlatformHealth.QueueKind row) {
            return new QueueKind(row.kind(), row.available(), row.scheduled(), row.running(), row.retryable(),
                    row.oldestDueSeconds());
        }
    }

    @Serdeable
    @Schema(name = "PlatformFailingChannel")
    record FailingChannel(@Schema(requiredMode = REQUIRED) String tenantId,
                          @Schema(requiredMode = REQUIRED) String tenantName,
                          @Schema(requiredMode = REQUIRED) String botId,
                          @Schema(requiredMode = REQUIRED) String channelId,
                          @Schema(requiredMode = REQUIRED) String type,
                          @Nullable String name, @Nullable String detail, @Nullable Instant checkedAt) {
        static FailingChannel of(PlatformHealth.FailingChannel row) {
            return new FailingChannel(row.tenantId().toString(), row.tenantName(), row.botId().toString(),
                    row.channelId().toString(), row.type(), row.name(), row.detail(), row.checkedAt());
        }
    }

    @Serdeable
    @Schema(name = "PlatformAuditEntry")
    record AuditEntry(@Schema(requiredMode = REQUIRED) String id,
                      @Schema(requiredMode = REQUIRED) Instant at,
                      @Schema(requiredMode = REQUIRED) String actor,
                      @Schema(requiredMode = REQUIRED, example = "tenant.suspended") String action,
                      @Nullable String tenantId,
                      @Schema(requiredMode = REQUIRED) Map<String, Object> details) {
        static AuditEntry of(PlatformAuditLog.Entry row, Map<String, Object> details) {
            return new AuditEntry(row.id().toString(), row.at(), row.actor(), row.action(),
                    row.tenantId() == null ? null : row.tenantId().toString(), details);
        }
    }
}
