package io.parley.api.privacy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import io.parley.api.testing.Teams;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET/PATCH /api/v1/privacy-settings (docs/privacy.md "Retention"). */
@MicronautTest(transactional = false)
class PrivacySettingsApiTest extends ApiTest {

    @Test
    void anAdminSetsAndClearsTheRetentionAndEveryMemberReadsIt() {
        Session owner = api().signup("Retention Settings Co");
        assertThat(api().get("/api/v1/privacy-settings", owner.accessToken()).at("messageRetentionDays")).isNull();

        Reply set = api().patch("/api/v1/privacy-settings", owner.accessToken(), Map.of("messageRetentionDays", 90));

        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(api().get("/api/v1/audit-log?limit=1", owner.accessToken()).items().getFirst().get("action"))
                .isEqualTo("privacy.settings.updated");
        Session viewer = new Teams(api()).addMember(owner, "viewer");
        assertThat(api().get("/api/v1/privacy-settings", viewer.accessToken()).at("messageRetentionDays"))
                .isEqualTo(90);
        Map<String, Object> clear = new HashMap<>();
        clear.put("messageRetentionDays", null);
        assertThat(api().patch("/api/v1/privacy-settings", owner.accessToken(), clear).at("messageRetentionDays"))
                .isNull();
        assertThat(api().patch("/api/v1/privacy-settings", viewer.accessToken(), Map.of("messageRetentionDays", 1))
                .status()).isEqualTo(403);
    }

    @Test
    void outOfRangeOrUnknownFieldsAreRefused() {
        Session owner = api().signup("Retention Range Co");
        for (int days : new int[]{0, 3651}) {
            Reply refused = api().patch("/api/v1/privacy-settings", owner.accessToken(),
                    Map.of("messageRetentionDays", days));
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.string("errors.0.field")).contains("messageRetentionDays");
        }
        assertThat(api().patch("/api/v1/privacy-settings", owner.accessToken(), Map.of("retention", 3)).status())
                .isEqualTo(400);
    }

    @Test
    void eachTenantHasItsOwnRetention() {
        Session a = api().signup("Retention A");
        Session b = api().signup("Retention B");

        api().patch("/api/v1/privacy-settings", a.accessToken(), Map.of("messageRetentionDays", 7));

        assertThat(api().get("/api/v1/privacy-settings", b.accessToken()).at("messageRetentionDays")).isNull();
    }
}
