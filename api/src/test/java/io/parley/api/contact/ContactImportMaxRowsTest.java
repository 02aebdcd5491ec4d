package io.parley.api.contact;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Session;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** parley.contacts.import.max-rows is read (a small value rejects a small file). */
@MicronautTest(transactional = false)
class ContactImportMaxRowsTest extends ContactTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(super.getProperties());
        properties.put("parley.contacts.import.max-rows", "2");
        return properties;
    }

    @Test
    void aFileWithMoreRowsThanTheSettingIsRejected() {
        Session owner = api().signup("Max Rows Co");
        String telegram = channel(owner.tenantId(), "telegram").toString();

        assertThat(Uploads.csv(api(), "/api/v1/contacts/imports/preview", owner.accessToken(),
                "externalUserId\n1001\n1002\n", telegram).status()).isEqualTo(200);
        assertFieldError(Uploads.csv(api(), "/api/v1/contacts/imports/preview", owner.accessToken(),
                "externalUserId\n1001\n1002\n1003\n", telegram), "file");
    }
}
