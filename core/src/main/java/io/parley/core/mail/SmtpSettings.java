package io.parley.core.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

/**
 * {@code parley.smtp.*} (docs/configuration.md#email): the SMTP server notification emails go through. Bound from
 * {@code PARLEY_SMTP_HOST}, {@code PARLEY_SMTP_PORT}, {@code PARLEY_SMTP_USERNAME}, {@code PARLEY_SMTP_PASSWORD},
 * {@code PARLEY_SMTP_FROM} and {@code PARLEY_SMTP_STARTTLS}. Without a host, email is off: notifications are still
 * shown in the dashboard and sent as tenant events. The password is never logged ({@link #toString()} hides it).
 *
 * @param starttls require STARTTLS before authenticating (on by default: a password must not cross the network in
 *                 clear); set false only for a relay on the same host or network
 */
@ConfigurationProperties("parley.smtp")
public record SmtpSettings(@Nullable String host,
                           @Bindable(defaultValue = "587") int port,
                           @Nullable String username,
                           @Nullable String password,
                           @Bindable(defaultValue = "Parley <no-reply@localhost>") @NotNull String from,
                           @Bindable(defaultValue = "true") boolean starttls) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    boolean authenticates() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null || password.isEmpty() ? "(none)" : "(set)") + ", from=" + from + ", starttls="
                + starttls + "]";
    }
}
