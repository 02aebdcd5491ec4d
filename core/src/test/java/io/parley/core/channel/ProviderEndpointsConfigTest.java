package io.parley.core.channel;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The providers' real addresses, as application.yml gives them when no PARLEY_*_API_URL is set. Every other test
 * points them at local fakes, which hid that an unquoted default holding a colon ("https://…") resolved to a URL
 * without a scheme: every channel verify and send failed in production.
 */
class ProviderEndpointsConfigTest {

    @Test
    void withoutOverridesTheProvidersRealApisAreUsed() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).build()) {
            Environment environment = context.getEnvironment().start();
            assertThat(environment.getProperty("parley.providers.line-api-url", String.class))
                    .hasValue("https://api.line.me");
            assertThat(environment.getProperty("parley.providers.whatsapp-api-url", String.class))
                    .hasValue("https://graph.facebook.com/v23.0");
            assertThat(environment.getProperty("parley.providers.telegram-api-url", String.class))
                    .hasValue("https://api.telegram.org");
        }
    }
}
