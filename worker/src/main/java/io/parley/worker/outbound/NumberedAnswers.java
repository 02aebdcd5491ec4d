package io.parley.worker.outbound;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.parley.core.conversation.MessageRepository;
import io.parley.core.conversation.MessageRow;
import io.parley.core.flow.Step;
import io.parley.core.tenancy.TenantId;
import io.parley.worker.outbound.rich.NumberedOptions;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A typed number answers the message just before it like pressing its option: after a list, card, carousel (its
 * cards' buttons counted in order) or buttons message (whose options clients without buttons show numbered, see {@link NumberedOptions}), "2" is the second
 * option's postback data. Only when the conversation's last message before this one is that bot message, so a
 * number typed later (an age, a party size) stays a number. Reads the database only for a 1-2 digit text.
 */
@Singleton
public final class NumberedAnswers {

    private static final Set<String> WITH_OPTIONS = Set.of("buttons", "list", "card", "carousel");

    private final MessageRepository messages;
    private final JsonMapper json;

    NumberedAnswers(MessageRepository messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The postback data {@code typed} chooses, if it is the number of an option; call inside the tenant's scope. */
    public Optional<String> pressed(TenantId tenant, UUID conversationId, @Nullable UUID inboundMessageId,
                                    String typed) {
        if (inboundMessageId == null || !NumberedOptions.isNumber(typed)) {
            return Optional.empty();
        }
        List<MessageRow> before = messages.latest(tenant.value(), conversationId, inboundMessageId, 1);
        if (before.isEmpty() || !"outbound".equals(before.getFirst().direction())
                || !WITH_OPTIONS.contains(before.getFirst().type())) {
            return Optional.empty();
        }
        try {
            OutboundMessage options = OutboundMessage.of(before.getFirst(), json);
            return NumberedOptions.chosen(typed, options.buttons()).map(Step.Button::postback);
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
