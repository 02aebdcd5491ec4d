package io.parley.worker.outbound.whatsapp;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.ServerRoles;
import io.parley.core.template.WindowContactRepository;
import io.parley.core.template.WindowContactRow;
import io.parley.core.template.WindowFallbackRepository;
import io.parley.core.template.WindowFallbackRow;
import io.parley.core.template.WindowVariables;
import io.parley.core.tenancy.TenantScope;
import io.parley.worker.outbound.OutboundBatch;
import io.parley.worker.outbound.OutboundMessage;
import io.parley.worker.outbound.SendFailure;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * WhatsApp's 24-hour customer-service window (shared/protocols README §2.1: after 24 h since the contact's last
 * message only templates may be sent; a free-form send fails with 131047). A message that falls outside it is sent
 * as the channel's fallback template (docs/whatsapp-templates.md, "Outside the 24-hour window"), its body variables
 * filled from the contact and the message; without one it fails with a reason saying so.
 *
 * <p>{@link #plan} is one short read in the tenant's scope, made before any provider call (senders otherwise hold no
 * transaction: a connection is never kept across a provider call).
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class TemplateWindow {

    static final Duration WINDOW = Duration.ofHours(24);
    static final int WINDOW_CLOSED = 131047;
    static final String NO_FALLBACK = "No 24-hour fallback template is set for this WhatsApp channel; choose one on "
            + "the Templates page to reach contacts after 24 hours.";

    private final TenantScope scope;
    private final WindowFallbackRepository fallbacks;
    private final WindowContactRepository contacts;
    private final TemplateSender sender;
    private final JsonMapper json;

    TemplateWindow(TenantScope scope, WindowFallbackRepository fallbacks, WindowContactRepository contacts,
                   TemplateSender sender, JsonMapper json) {
        this.scope = scope;
        this.fallbacks = fallbacks;
        this.contacts = contacts;
        this.sender = sender;
        this.json = json;
    }

    /** What the window looks like for a batch's recipient, and the fallback if the channel has one. */
    record Plan(@Nullable WindowContactRow contact, @Nullable WindowFallbackRow fallback) {

        /** Parley knows the window is closed: the contact's last message is older than 24 h (unknown: open). */
        boolean closed(Instant now) {
            return contact != null && contact.lastInboundAt() != null
                    && contact.lastInboundAt().plus(WINDOW).isBefore(now);
        }
    }

    Plan plan(OutboundBatch batch) {
        return scope.read(batch.tenant(), () -> new Plan(
                contacts.find(batch.tenant().value(), batch.channel().id(), batch.recipient()).orElse(null),
                fallbacks.find(batch.tenant().value(), batch.channel().id()).orElse(null)));
    }

    /**
     * Sends the fallback template in place of {@code message}; {@code why} (the provider's refusal, or Parley's own
     * finding) becomes the failure's reason when the channel has no fallback.
     */
    String sendInstead(OutboundBatch batch, Plan plan, OutboundMessage message, String why) throws SendFailure {
        WindowFallbackRow fallback = plan.fallback();
        if (fallback == null) {
            throw new SendFailure.Undeliverable(why + ". " + NO_FALLBACK);
        }
        WindowContactRow contact = plan.contact();
        List<String> body = WindowVariables.render(variables(fallback),
                contact == null ? null : contact.displayName(), contact == null ? "free" : contact.tier(),
                contact == null ? Map.of() : attributes(contact.attributes()),
                contact == null ? "" : contact.botName(), message.text());
        try {
            return sender.send(batch.credentials(), batch.recipient(),
                    TemplateMessage.of(fallback.templateName(), fallback.language(), body));
        } catch (SendFailure.Undeliverable e) {
            throw new SendFailure.Undeliverable(why + ". The fallback template " + fallback.templateName() + " ("
                    + fallback.language() + ") was refused too: " + e.getMessage());
        }
    }

    private List<String> variables(WindowFallbackRow fallback) {
        try {
            List<String> variables = json.readValue(fallback.bodyVariables(), Argument.listOf(String.class));
            return variables == null ? List.of() : variables;
        } catch (IOException e) {
            throw new IllegalStateException("the fallback's body variables are not a JSON list");
        }
    }

    private Map<String, Object> attributes(String text) {
        try {
            Map<String, Object> attributes = json.readValue(text, Argument.mapOf(String.class, Object.class));
            return attributes == null ? Map.of() : attributes;
        } catch (IOException e) {
            return Map.of();
        }
    }
}
