package io.parley.worker.turn;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.bot.BotRow;
import io.parley.core.bot.PersonaTemplate;
import io.parley.core.contact.ContactRow;
import io.parley.core.conversation.MessageRow;
import io.parley.core.message.InboundEvent;
import io.parley.worker.llm.LlmMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The LLM prompt of a turn: the persona as system message — the contact's own persona override when set, else the
 * bot's, with {{contact.*}}, {{memory.*}} and {{bot.name}} filled in (contact-supplied values as quoted literals) —
 * plus the contact's data block ({@link PromptData}), the memory fields' section and a flow's ask_llm instruction,
 * then the conversation's
 * last N messages (the bot's history window) oldest first, then the new message — or the new messages, one user
 * message each, when the turn answers several (WaitingMessages).
 */
final class PromptBuilder {

    private PromptBuilder() {
    }

    /** @param historyNewestFirst as {@code MessageRepository.latest} returns it */
    static List<LlmMessage> build(BotRow bot, ContactRow contact, Map<String, Object> attributes,
                                  @Nullable String instruction, List<MessageRow> historyNewestFirst,
                                  List<String> userTexts) {
        return build(bot, contact, attributes, Map.of(), null, instruction, historyNewestFirst, userTexts);
    }

    /**
     * @param memory        the bot's memory values for {@code {{memory.<name>}}}
     * @param memorySection what the model is told about its memory fields (MemoryPrompt), after the persona
     */
    static List<LlmMessage> build(BotRow bot, ContactRow contact, Map<String, Object> attributes,
                                  Map<String, Object> memory, @Nullable String memorySection,
                                  @Nullable String instruction, List<MessageRow> historyNewestFirst,
                                  List<String> userTexts) {
        String persona = contact.personaOverride() != null && !contact.personaOverride().isBlank()
                ? contact.personaOverride() : bot.persona();
        // contact-supplied values enter the prompt quoted, never as instructions (PromptData)
        String system = PersonaTemplate.render(persona, PromptData.quoting(PersonaTemplate.contactValues(
                contact.displayName(), contact.tier(), attributes, bot.name(), null, () -> memory)));
        if (system == null || system.isBlank()) {
            system = "You are " + bot.name() + ", a helpful assistant.";
        }
        String data = PromptData.block(contact.displayName(), contact.tier(), attributes);
        if (data != null) {
            system = system.strip() + "\n\n" + data;
        }
        if (memorySection != null) {
            system = system.strip() + "\n\n" + memorySection;
        }
        if (instruction != null && !instruction.isBlank()) {
            system = system.strip() + "\n\n" + instruction.strip();
        }
        List<LlmMessage> messages = new ArrayList<>();
        messages.add(LlmMessage.system(system));
        for (MessageRow row : historyNewestFirst.reversed()) {
            String text = row.text() == null ? describe(row.type()) : row.text();
            if (text == null || "system".equals(row.sender())) {
                continue;
            }
            messages.add("inbound".equals(row.direction()) ? LlmMessage.user(text) : LlmMessage.assistant(text));
        }
        userTexts.forEach(text -> messages.add(LlmMessage.user(text)));
        return messages;
    }

    /** The new message as the LLM reads it; media it cannot see are named. */
    static String userText(InboundEvent event) {
        return switch (event.type()) {
            case TEXT -> event.text() == null ? "" : event.text();
            case POSTBACK -> event.text() != null ? event.text() : event.postbackData();
            case STICKER -> event.text() == null ? "[sticker]" : "[sticker: " + event.text() + "]";
            case FOLLOW -> "[started following]";
            default -> "[" + event.type().name().toLowerCase(Locale.ROOT) + "]";
        };
    }

    private static String describe(String type) {
        return switch (type) {
            case "sticker", "image", "audio", "video", "file", "location" -> "[" + type + "]";
            default -> null;
        };
    }
}
