package io.parley.api.analytics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.core.analytics.AnalyticsTrigger;
import io.parley.core.tenancy.TenantId;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parley.analytics.rollup-enabled: false} stops activity from enqueuing rollup refreshes. */
@MicronautTest(transactional = false)
class RollupSwitchTest extends ApiTest {

    @Inject
    AnalyticsTrigger trigger;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.analytics.rollup-enabled", "false");
    }

    @Test
    void activityEnqueuesNoRefreshWhenTheRollupsAreTurnedOff() throws Exception {
        Session owner = api().signup("Switched Off Co");
        TenantId tenant = TenantId.parse(owner.tenantId()).orElseThrow();

        trigger.touched(tenant);

        try (Connection connection = RollupRefreshTest.superuser();
             PreparedStatement jobs = connection.prepareStatement(
                     "SELECT count(*) FROM jobs WHERE tenant_id = ? AND kind = 'analytics.rollup'")) {
            jobs.setObject(1, tenant.value());
            ResultSet rows = jobs.executeQuery();
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }
}
