package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 100,000-row file, with the request limit an api process that takes imports is given
 * (PARLEY_MAX_REQUEST_BYTES=8 MiB, docs/contacts.md "Importing"), and parley.contacts.import.max-rows.
 */
@MicronautTest(transactional = false)
class ContactImportLimitsTest extends ContactTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(super.getProperties());
        properties.put("parley.contacts.import.max-rows", "100000");
        properties.put("micronaut.server.max-request-size", "8388608");
        return properties;
    }

    @Test
    void aFileOfOneHundredThousandRowsIsReadAndStagedButOneRowMoreIsRejected() {
        Session owner = api().signup("Big Import Co");
        UUID telegram = channel(owner.tenantId(), "telegram");
        StringBuilder csv = new StringBuilder("externalUserId,displayName,tags\n");
        for (int i = 1; i <= 100_000; i++) {
            csv.append(1_000_000 + i).append(",Person ").append(i).append(",imported\n");
        }
        assertThat(csv.length()).isGreaterThan(2 * 1024 * 1024); // twice the default request limit

        Reply started = Uploads.csv(api(), "/api/v1/contacts/imports", owner.accessToken(), csv.toString(),
                telegram.toString());
        csv.append("9999999,One Too Many,\n");
        Reply tooMany = Uploads.csv(api(), "/api/v1/contacts/imports/preview", owner.accessToken(), csv.toString(),
                telegram.toString());

        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.at("validRows")).isEqualTo(100_000);
        assertFieldError(tooMany, "file");
        assertThat(tooMany.string("errors.0.message")).isEqualTo("has more than 100000 rows; split it");
    }
}
