package io.parley.api.admin;

import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Base of the operator console's tests: one platform admin, named by {@code parley.platform-admins}. */
abstract class OperatorTest extends ApiTest {

    static final String OPERATOR_EMAIL = "operator-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    private Session operator;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new LinkedHashMap<>(moreProperties());
        // upper case and spaces on purpose: the list is compared as emails are, case-insensitively
        properties.put("parley.platform-admins", "someone-else@example.com, " + OPERATOR_EMAIL.toUpperCase());
        return properties;
    }

    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    /** The platform admin's session; its own workspace is an ordinary tenant. */
    Session operator() {
        if (operator == null) {
            var reply = api().post("/api/v1/auth/signup", null, Map.of("email", OPERATOR_EMAIL,
                    "password", Session.PASSWORD, "tenantName", "Operator's own"));
            if (reply.status() != 201 && reply.status() != 409) {
                throw new IllegalStateException(reply.text());
            }
            operator = api().login(OPERATOR_EMAIL);
        }
        return operator;
    }
}
