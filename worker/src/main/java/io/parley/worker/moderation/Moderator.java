package io.parley.worker.moderation;

import io.parley.core.bot.BotRow;
import io.parley.core.moderation.ModerationAction;
import io.parley.core.moderation.ModerationSettings;
import io.parley.core.secrets.SecretBox;
import io.parley.core.secrets.SecretUnreadableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks one text against a bot's moderation: its keyword list, then its moderation service (the platform's or
 * the bot's own, key sealed per bot). The flagged categories of both are merged and the strongest action they ask
 * for chosen; a service that cannot answer makes the verdict {@code unavailable} (the caller applies the bot's
 * failure behaviour) — it is never skipped silently.
 */
@Singleton
public final class Moderator {

    private static final Logger LOG = LoggerFactory.getLogger(Moderator.class);

    private final ModerationClient client;
    private final ModerationConfig config;
    private final SecretBox secrets;

    Moderator(ModerationClient client, ModerationConfig config, SecretBox secrets) {
        this.client = client;
        this.config = config;
        this.secrets = secrets;
    }

    /** @param inbound the contact's text (input moderation), else the LLM's answer (output moderation) */
    public ModerationVerdict check(BotRow bot, ModerationSettings settings, String text, boolean inbound) {
        if (!settings.checks(inbound) || text == null || text.isBlank()) {
            return ModerationVerdict.CLEAN;
        }
        List<String> categories = new ArrayList<>(KeywordList.match(settings.keywords(), text));
        boolean unavailable = false;
        String service = settings.serviceOrNone();
        if (!ModerationSettings.NONE.equals(service)) {
            try {
                client.flaggedCategories(baseUrl(settings), apiKey(bot, settings), config.model(), text,
                        config.timeout()).stream().filter(c -> !categories.contains(c)).forEach(categories::add);
            } catch (ModerationClient.Unavailable e) {
                LOG.warn("Moderation service ({}) for bot {} is unavailable: {}", service, bot.id(), e.getMessage());
                unavailable = true;
            }
        }
        ModerationAction action = null;
        for (String category : categories) {
            ModerationAction asked = settings.actionFor(category);
            action = action == null ? asked : action.max(asked);
        }
        return new ModerationVerdict(categories.stream().sorted().toList(), action, unavailable);
    }

    private String baseUrl(ModerationSettings settings) {
        return ModerationSettings.CUSTOM.equals(settings.service()) ? settings.baseUrl() : config.baseUrl();
    }

    private String apiKey(BotRow bot, ModerationSettings settings) throws ModerationClient.Unavailable {
        if (!ModerationSettings.CUSTOM.equals(settings.service())) {
            if (config.apiKey() == null || config.apiKey().isBlank()) {
                throw new ModerationClient.Unavailable("the platform has no moderation key (parley.moderation.api-key)");
            }
            return config.apiKey();
        }
        if (settings.apiKeySealed() == null) {
            return null; // a local endpoint may need no key
        }
        try {
            return secrets.open(settings.apiKeySealed(), ModerationSettings.keyContext(bot.tenantId(), bot.id()));
        } catch (SecretUnreadableException e) {
            throw new ModerationClient.Unavailable("the bot's moderation key cannot be opened");
        }
    }
}
