package io.parley.core.accesscode;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactRepository;
import io.parley.core.contact.ContactRow;
import io.parley.core.contact.InvalidAttributesException;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Redeems the code a contact typed for a bot, in one short transaction of its own: a contact over the wrong-code
 * limit is refused without a look at the code; a code that is unknown, revoked, expired or used up counts as a
 * wrong attempt; a good one is used once (exactly once under concurrency: {@link AccessCodeRepository#use}), the
 * redemption recorded and the batch's grants applied to the contact (tier, attributes). A contact sending a code it
 * already redeemed gets in again without using it once more. Codes never appear in logs.
 */
@Singleton
public final class AccessCodes {

    /** What an inbound message that carried a code shows instead. */
    public static final String REDACTED = "[access code]";
    private static final Logger LOG = LoggerFactory.getLogger(AccessCodes.class);

    private final TenantScope scope;
    private final AccessCodeRepository codes;
    private final ContactRepository contacts;
    private final ContactAttributes attributes;
    private final AccessCodeSettings settings;
    private final MessageRepository messages;

    AccessCodes(TenantScope scope, AccessCodeRepository codes, ContactRepository contacts,
                ContactAttributes attributes, AccessCodeSettings settings, MessageRepository messages) {
        this.messages = messages;
        this.scope = scope;
        this.codes = codes;
        this.contacts = contacts;
        this.attributes = attributes;
        this.settings = settings;
    }

    public AccessCodeSettings settings() {
        return settings;
    }

    public enum Outcome { REDEEMED, REFUSED, LOCKED }

    /**
     * @param batchName the redeemed code's batch name (REDEEMED only)
     * @param contact   the contact after the grants (REDEEMED only)
     */
    public record Redemption(Outcome outcome, @Nullable String batchName, @Nullable ContactRow contact) {
        static final Redemption REFUSED = new Redemption(Outcome.REFUSED, null, null);
        static final Redemption LOCKED = new Redemption(Outcome.LOCKED, null, null);
    }

    /** Redeems without a stored message (the text is not redacted anywhere). */
    public Redemption redeem(TenantId tenant, UUID bot, UUID contact, String typed) {
        return redeem(tenant, bot, contact, typed, null);
    }

    /**
     * Redeems {@code typed}; when it reads as a code at all, the inbound {@code message} that carried it gets the
     * text {@value #REDACTED}, so neither the inbox nor the LLM's history (sent to the LLM provider) shows it.
     */
    public Redemption redeem(TenantId tenant, UUID bot, UUID contact, String typed, @Nullable UUID message) {
        return scope.write(tenant, () -> {
            if (message != null && AccessCodeText.normalize(typed).isPresent()) {
                messages.redactText(tenant.value(), message, REDACTED);
            }
            return redeemInScope(tenant.value(), bot, contact, typed, Instant.now());
        });
    }

    /**
     * Redeems {@code typed} typed outside the chat (the setup page); {@code onRedeemed} runs in the redemption's
     * transaction when the code was redeemed (the caller's audit entry commits with it, or neither does).
     */
    public Redemption redeemAndThen(TenantId tenant, UUID bot, UUID contact, String typed,
                                    Consumer<Redemption> onRedeemed) {
        return scope.write(tenant, () -> {
            Redemption redemption = redeemInScope(tenant.value(), bot, contact, typed, Instant.now());
            if (redemption.outcome() == Outcome.REDEEMED) {
                onRedeemed.accept(redemption);
            }
            return redemption;
        });
    }

    /** Whether the contact redeemed a code of the bot that is not revoked. */
    public boolean redeemed(TenantId tenant, UUID bot, UUID contact) {
        return scope.read(tenant, () -> codes.redeemedAny(tenant.value(), bot, contact));
    }

    private Redemption redeemInScope(UUID tenant, UUID bot, UUID contact, String typed, Instant now) {
        Instant since = now.minus(settings.attemptWindow());
        if (codes.wrongAttemptsSince(tenant, bot, contact, since) >= settings.maxWrongAttempts()) {
            return Redemption.LOCKED;
        }
        Optional<AccessCodeRow> code = AccessCodeText.normalize(typed)
                .flatMap(text -> codes.findByHash(tenant, bot, AccessCodeText.hash(bot, text)));
        if (code.isPresent() && code.get().revokedAt() == null
                && codes.redeemedCode(tenant, code.get().id(), contact)) {
            return granted(tenant, bot, contact, code.get()); // sent again: in again, nothing more used
        }
        if (code.isEmpty() || codes.use(tenant, bot, code.get().id(), now) == 0) {
            codes.pruneWrongAttempts(tenant, bot, contact, since);
            codes.insertWrongAttempt(tenant, bot, contact, now);
            LOG.debug("Contact {} sent bot {} a code that was not accepted", contact, bot);
            return Redemption.REFUSED;
        }
        codes.insertRedemption(tenant, code.get().id(), contact, bot);
        return granted(tenant, bot, contact, code.get());
    }

    private Redemption granted(UUID tenant, UUID bot, UUID contactId, AccessCodeRow code) {
        AccessCodeBatchRow batch = codes.findBatch(tenant, bot, code.batchId()).orElseThrow();
        ContactRow contact = contacts.findForUpdate(tenant, contactId).orElseThrow();
        Map<String, JsonNode> grants = new LinkedHashMap<>();
        attributes.read(batch.grantAttributes()).forEach((key, value) ->
                grants.put(key, JsonNode.createStringNode(String.valueOf(value))));
        String tier = batch.grantTier() == null ? contact.tier() : batch.grantTier();
        String merged = contact.attributes();
        try {
            merged = grants.isEmpty() ? merged : attributes.merge(merged, JsonNode.createObjectNode(grants));
        } catch (InvalidAttributesException e) {
            // Checked when the batch was made; a contact already at the attribute limit keeps its attributes.
            LOG.warn("Access code grants for contact {} skipped: {}", contactId, e.getMessage());
        }
        if (!merged.equals(contact.attributes()) || !tier.equals(contact.tier())) {
            contacts.update(tenant, contactId, contact.displayName(), merged, tier, contact.blocked(),
                    contact.personaOverride());
        }
        return new Redemption(Outcome.REDEEMED, batch.name(), contacts.find(tenant, contactId).orElseThrow());
    }
}
