package io.parley.api.billing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.core.billing.TenantPlanAssignments;
import io.parley.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An operator assigns a tenant's base plan through configuration (parley.tenant-plans.<tenant id>, or
 * PARLEY_TENANT_PLANS="<tenant id>=pro,…"), with or without Stripe: it is written at start, after the plan catalogue,
 * audited once, and the limits enforced follow. Each "restart" is a second application context on the same database
 * started with the assignment, as a redeployed process would be.
 */
@MicronautTest(transactional = false)
class TenantPlanAssignmentTest extends ApiTest {

    @Test
    void anAssignedPlanRaisesTheLimitsAndIsAuditedOnceAcrossRestarts() {
        Session owner = api().signup("Assigned Co");
        assertThat(api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "one")).status()).isEqualTo(201);
        Reply refused = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "two"));
        assertThat(refused.status()).isEqualTo(402);

        Map<String, Object> assignment = Map.of("parley.tenant-plans." + owner.tenantId(), "pro");
        restart(assignment);
        restart(assignment);

        assertThat(api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "two")).status()).isEqualTo(201);
        assertThat(api().get("/api/v1/tenant", owner.accessToken()).string("plan.id")).isEqualTo("pro");
        List<Map<String, Object>> assigned = assignments(owner);
        assertThat(assigned).hasSize(1);
        assertThat(actorOf(assigned.getFirst()))
                .containsEntry("type", "system").containsEntry("label", "operator (configuration)");
        assertThat(assigned.getFirst().get("details")).isEqualTo(
                Map.of("from", "free", "to", "pro", "source", "configuration"));
    }

    @Test
    void oneEnvironmentVariableAssignsSeveralTenants() {
        Session first = api().signup("Env One Co");
        Session second = api().signup("Env Two Co");

        try (ApplicationContext context = ApplicationContext.builder()
                .properties(database())
                .propertySources(PropertySource.of("test-env", Map.of("PARLEY_TENANT_PLANS",
                                " " + first.tenantId() + "=business, " + second.tenantId().toUpperCase() + "=pro "),
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start()) {
            assertThat(context.getBean(TenantPlanAssignments.class).assignments()).hasSize(2);
        }

        assertThat(api().get("/api/v1/tenant", first.accessToken()).string("plan.id")).isEqualTo("business");
        assertThat(api().get("/api/v1/tenant", second.accessToken()).string("plan.id")).isEqualTo("pro");
        assertThat(assignments(first)).hasSize(1);
    }

    @Test
    void removingAnAssignmentDowngradesNobodyAndFreeIsAnExplicitAssignment() {
        Session owner = api().signup("Downgraded Co");
        restart(Map.of("parley.tenant-plans." + owner.tenantId(), "business"));

        restart(Map.of());
        assertThat(api().get("/api/v1/tenant", owner.accessToken()).string("plan.id")).isEqualTo("business");

        restart(Map.of("parley.tenant-plans." + owner.tenantId(), "free"));
        assertThat(api().get("/api/v1/tenant", owner.accessToken()).string("plan.id")).isEqualTo("free");
        assertThat(assignments(owner)).extracting(entry -> entry.get("details"))
                .containsExactly(Map.of("from", "business", "to", "free", "source", "configuration"),
                        Map.of("from", "free", "to", "business", "source", "configuration"));
    }

    @Test
    void anUnknownTenantIsOnlyAWarning() {
        Session owner = api().signup("Known Co");
        String stranger = UUID.randomUUID().toString();
        Logger logger = (Logger) LoggerFactory.getLogger(TenantPlanAssignments.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            restart(Map.of("parley.tenant-plans", stranger + "=pro," + owner.tenantId() + "=pro"));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).anySatisfy(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains(stranger, "does not exist");
        });
        assertThat(api().get("/api/v1/tenant", owner.accessToken()).string("plan.id")).isEqualTo("pro");
    }

    @Test
    void aMalformedTenantIdOrAnUnknownPlanStopsTheStart() {
        Session owner = api().signup("Misconfigured Co");

        assertThatThrownBy(() -> restart(Map.of("parley.tenant-plans", "acme=pro")))
                .hasStackTraceContaining("'acme' is not a tenant id");
        assertThatThrownBy(() -> restart(Map.of("parley.tenant-plans", owner.tenantId())))
                .hasStackTraceContaining("is not <tenant id>=<plan id>");
        assertThatThrownBy(() -> restart(Map.of("parley.tenant-plans." + owner.tenantId(), "platinum")))
                .hasStackTraceContaining("plan 'platinum', which is not a plan of parley.plans");
        assertThatThrownBy(() -> restart(Map.of("parley.tenant-plans",
                owner.tenantId() + "=pro," + owner.tenantId() + "=business")))
                .hasStackTraceContaining("is assigned two plans");
        assertThat(api().get("/api/v1/tenant", owner.accessToken()).string("plan.id")).isEqualTo("free");
    }

    @Test
    void aDatabaseDownAtStartDoesNotStopTheStart() {
        Map<String, Object> properties = database();
        properties.putAll(Map.of(
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:9/unreachable",
                "datasources.default.initialization-fail-timeout", "-1",
                "datasources.default.connection-timeout", "1000",
                "flyway.datasources.migrations.enabled", "false",
                "parley.tenant-plans", UUID.randomUUID() + "=pro"));

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.isRunning()).isTrue();
            assertThat(context.getBean(TenantPlanAssignments.class).assignments()).hasSize(1);
        }
    }

    private static Map<String, Object> database() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.shared().properties());
        properties.put("micronaut.server.port", "-1");
        return properties;
    }

    /** Starts (and stops) another process on the same database with {@code assignments}. */
    private static void restart(Map<String, Object> assignments) {
        Map<String, Object> properties = database();
        properties.putAll(assignments);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> actorOf(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("actor");
    }

    private List<Map<String, Object>> assignments(Session owner) {
        return api().get("/api/v1/audit-log?limit=100", owner.accessToken()).items().stream()
                .filter(entry -> "tenant.plan.assigned".equals(entry.get("action"))).toList();
    }
}
