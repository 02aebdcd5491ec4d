package io.parley.api.contact;

import io.parley.core.accesscode.AccessCodeFlows;
import io.parley.core.accesscode.AccessCodeRepository;
import io.parley.core.accesscode.AccessCodes;
import io.parley.core.audit.Actor;
import io.parley.core.audit.AuditLog;
import io.parley.core.setuppage.SetupPages;
import io.parley.core.tenancy.TenantId;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An access code typed on the setup page (docs/setup-page.md#access-codes): offered when the contact's bot asks for
 * codes ({@link AccessCodeFlows}) and redeemed by the same {@link AccessCodes} as an answer in the chat — same
 * codes, single use under concurrency, grants, and the same per-contact limit on wrong codes — then recorded in the
 * audit log ({@code contact.access_code_redeemed}, with the batch's name, never the code).
 */
@Singleton
final class SetupAccessCode {

    static final String WRONG = "This code does not work: it is unknown, used up, expired or revoked. Check it and "
            + "try again.";
    static final String LOCKED = "Too many wrong codes. Please try again later.";
    static final String NOT_ASKED = "This bot does not ask for an access code.";

    /** What the page shows about codes: whether the bot asks for one, and whether the contact has redeemed one. */
    record State(boolean asked, boolean redeemed) {
        static final State NONE = new State(false, false);
    }

    private final SetupPages pages;
    private final AccessCodeFlows flows;
    private final AccessCodeRepository codes;
    private final AccessCodes redemptions;
    private final AuditLog audit;

    SetupAccessCode(SetupPages pages, AccessCodeFlows flows, AccessCodeRepository codes, AccessCodes redemptions,
                    AuditLog audit) {
        this.pages = pages;
        this.flows = flows;
        this.codes = codes;
        this.redemptions = redemptions;
        this.audit = audit;
    }

    /** Inside the tenant's scope. */
    State state(TenantId tenant, UUID contact) {
        Optional<UUID> bot = pages.botOf(tenant, contact);
        if (bot.isEmpty() || !flows.asked(tenant.value(), bot.get())) {
            return State.NONE;
        }
        return new State(true, codes.redeemedAny(tenant.value(), bot.get(), contact));
    }

    /**
     * Redeems {@code code} for the contact's bot in a transaction of its own (outside any scope). 400 {@code code}
     * when the bot asks for no code or the code is refused (counted as a wrong attempt), 429 while the contact is
     * over the wrong-code limit (no code is checked then, not even a right one).
     */
    void redeem(TenantId tenant, UUID bot, UUID contact, String code, String ip) {
        AccessCodes.Redemption redemption = redemptions.redeemAndThen(tenant, bot, contact, code, redeemed ->
                audit.record(tenant, new Actor(Actor.Type.SYSTEM, null, "setup page", ip),
                        "contact.access_code_redeemed", "contact", contact.toString(),
                        Map.of("botId", bot.toString(), "batch", redeemed.batchName())));
        switch (redemption.outcome()) {
            case REDEEMED -> { }
            case REFUSED -> throw ProblemException.invalidField("code", WRONG);
            case LOCKED -> throw ProblemException.rateLimited(redemptions.settings().attemptWindow().toSeconds(),
                    LOCKED);
        }
    }

    /** The bot the contact's page belongs to, when it asks for codes; inside the tenant's scope. */
    UUID askingBot(TenantId tenant, UUID contact) {
        return pages.botOf(tenant, contact).filter(bot -> flows.asked(tenant.value(), bot))
                .orElseThrow(() -> ProblemException.invalidField("code", NOT_ASKED));
    }
}
