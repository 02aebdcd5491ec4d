package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Session;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** parley.opt-outs.default-keywords (PARLEY_OPT_OUTS_DEFAULT_KEYWORDS) is what tenants without their own get. */
@MicronautTest(transactional = false)
class OptOutDefaultKeywordsTest extends ContactTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(super.getProperties());
        properties.put("parley.opt-outs.default-keywords", "HALT,停止");
        return properties;
    }

    @Test
    void theConfiguredDefaultsApplyToATenantWithoutItsOwnKeywords() {
        Session owner = api().signup("Default Keywords Co");

        assertThat(api().get("/api/v1/opt-out-settings", owner.accessToken()).at("keywords"))
                .isEqualTo(List.of("HALT", "停止"));
    }
}
