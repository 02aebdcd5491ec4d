package io.parley.api.auth;

import io.parley.api.testing.ApiTest;
import io.parley.api.testing.FakeIdentityProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * API tests with sign-in providers configured against one in-process fake: {@code acme-sso} (OpenID Connect) and
 * {@code github}, and the public URL the callbacks redirect to.
 */
abstract class ProviderTestBase extends ApiTest {

    /** One fake for every test class (each class's application context is configured with it); stopped at exit. */
    static final FakeIdentityProvider IDP = new FakeIdentityProvider();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(IDP::close));
    }

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(IDP.properties("acme-sso"));
        properties.put("parley.public-url", ProviderSignInFlow.PUBLIC_URL);
        return properties;
    }

    ProviderSignInFlow flow() {
        return new ProviderSignInFlow(api());
    }
}
