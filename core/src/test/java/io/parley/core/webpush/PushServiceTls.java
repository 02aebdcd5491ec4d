package io.parley.core.webpush;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import javax.net.ssl.SSLContext;

/** Lets the push jobs trust the {@link FakePushService}'s self-signed certificate, in the tests that start one. */
@Factory
@Requires(property = "parley.test.webpush-tls", value = "true")
final class PushServiceTls {

    static volatile SSLContext trusted;

    @Singleton
    @Named("webpush")
    SSLContext webPushTls() {
        return trusted;
    }
}
