package io.parley.api.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/conversations. */
final class ConversationWire {

    static final int MAX_TEXT = 4096;

    private ConversationWire() {
    }

    @Serdeable
    @Schema(name = "Conversation", description = "One contact's conversation on one channel")
    record ConversationResponse(
            @Schema(requiredMode = REQUIRED, example = "01934f6e-8a1b-7c2d-9e3f-4a5b6c7d8e9f") String id,
            BotRef bot,
            ChannelRef channel,
            ContactRef contact,
            @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"open", "waiting", "resolved"},
                    description = "open: the bot or a person is on it; waiting: a person must answer (the bot handed "
                            + "off, or the contact wrote while a person holds it); resolved: done, the contact's next "
                            + "message reopens it", example = "waiting")
            String status,
            @Schema(requiredMode = REQUIRED, description = "True while a human has taken over: the bot stays silent")
            boolean botPaused,
            @Nullable @Schema(description = "The user who took over; null when the bot is active or an API key took "
                    + "over", example = "01934f6e-2222-7c2d-9e3f-4a5b6c7d8e9f") String takenOverBy,
            @Nullable Instant takenOverAt,
            @Schema(requiredMode = REQUIRED, description = "Messages from the contact since someone last marked the "
                    + "conversation read", example = "2") int unreadCount,
            @Nullable Instant lastMessageAt,
            @Nullable @Schema(description = "When the contact last wrote (WhatsApp allows free-form replies for 24 h "
                    + "after it)") Instant lastInboundAt,
            @Nullable MessagePreview lastMessage,
            Instant createdAt,
            @Nullable @Schema(description = "The member who answers it; null when unassigned",
                    example = "01934f6e-2222-7c2d-9e3f-4a5b6c7d8e9f") String assigneeId,
            @Nullable @Schema(type = "string", allowableValues = {"flow", "keyword", "agent", "api", "moderation"},
                    description = "Who or what paused the bot: a flow's hand-off step (keyword: of a flow its keyword "
                            + "trigger started), a member who took over, an API key, moderation; null while the bot "
                            + "answers", example = "flow") String handoffSource,
            @Nullable @Schema(description = "When it was resolved; null unless resolved") Instant resolvedAt,
            @Nullable @Schema(description = "The team it is assigned to; null when none",
                    example = "01934f6e-8888-7c2d-9e3f-4a5b6c7d8e9f") String teamId) {

        @Override
        public String toString() {
            return "ConversationResponse[" + id + "]";
        }
    }

    @Serdeable
    @Schema(name = "ConversationBot")
    record BotRef(@Schema(requiredMode = REQUIRED, example = "01934f6e-1111-7c2d-9e3f-4a5b6c7d8e9f") String id,
                  @Schema(requiredMode = REQUIRED, example = "Lumi") String name) {
    }

    @Serdeable
    @Schema(name = "ConversationChannel")
    record ChannelRef(@Schema(requiredMode = REQUIRED, example = "01934f6e-3333-7c2d-9e3f-4a5b6c7d8e9f") String id,
                      @Schema(requiredMode = REQUIRED, type = "string",
                              allowableValues = {"line", "whatsapp", "telegram", "web"}, example = "line") String type,
                      @Nullable @Schema(example = "Lumi on LINE") String name) {
    }

    @Serdeable
    @Schema(name = "ConversationContact")
    record ContactRef(@Schema(requiredMode = REQUIRED, example = "01934f6e-4444-7c2d-9e3f-4a5b6c7d8e9f") String id,
                      @Nullable @Schema(example = "陳小明") String displayName,
                      @Schema(requiredMode = REQUIRED, example = "free") String tier) {

        @Override
        public String toString() {
            return "ContactRef[" + id + "]";
        }
    }

    @Serdeable
    @Schema(name = "MessagePreview", description = "The newest message (null when there is none yet), its text cut "
            + "to 200 characters with …")
    record MessagePreview(@Schema(requiredMode = REQUIRED, example = "01934f6e-5555-7c2d-9e3f-4a5b6c7d8e9f") String id,
                          @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"inbound", "outbound"})
                          String direction,
                          @Schema(requiredMode = REQUIRED, type = "string",
                                  allowableValues = {"contact", "bot", "agent", "system"}) String sender,
                          @Schema(requiredMode = REQUIRED, example = "text") String type,
                          @Nullable @Schema(example = "Where is my order?") String text,
                          @Schema(requiredMode = REQUIRED, type = "string",
                                  allowableValues = {"received", "queued", "sent", "delivered", "read", "failed"},
                                  description = "The message's status: failed shows in the list that the last reply "
                                          + "did not reach the contact") String status) {

        @Override
        public String toString() {
            return "MessagePreview[" + id + "]";
        }
    }

    @Serdeable
    @Schema(name = "Message")
    record MessageResponse(
            @Schema(requiredMode = REQUIRED, example = "01934f6e-5555-7c2d-9e3f-4a5b6c7d8e9f") String id,
            @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"inbound", "outbound"},
                    example = "outbound") String direction,
            @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"contact", "bot", "agent", "system"},
                    example = "agent") String sender,
            @Nullable @Schema(description = "The user who sent an agent message; null for others and for API keys",
                    example = "01934f6e-2222-7c2d-9e3f-4a5b6c7d8e9f") String agentUserId,
            @Schema(requiredMode = REQUIRED, description = "text, image, sticker, audio, video, file, location, "
                    + "postback, follow, …", example = "text") String type,
            @Nullable @Schema(example = "Hi! Your parcel left the warehouse today.") String text,
            @Schema(requiredMode = REQUIRED, implementation = Object.class, type = "object",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                    description = "Type-specific data (buttons, media ids, sticker ids, …)",
                    example = "{\"stickerId\": \"52002734\"}") JsonNode payload,
            @Schema(requiredMode = REQUIRED, type = "string",
                    allowableValues = {"received", "queued", "sent", "delivered", "read", "failed"},
                    description = "Inbound: received. Outbound: queued → sent → delivered → read, or failed; moves "
                            + "forward only", example = "queued") String status,
            @Nullable @Schema(description = "Why a message failed, e.g. the provider's error",
                    example = "131047: Re-engagement message") String statusDetail,
            Instant createdAt,
            @Nullable ModerationFlag moderation,
            @Nullable MessageUsage usage) {

        @Override
        public String toString() {
            return "MessageResponse[" + id + ", " + status + "]";
        }
    }

    @Serdeable
    @Schema(name = "ModerationFlag", description = "What moderation found in a message (docs/llm.md); null on a "
            + "message it did not flag and could check")
    record ModerationFlag(
            @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"input", "output"},
                    description = "input: the contact's message; output: the LLM's answer") String direction,
            @Schema(requiredMode = REQUIRED, example = "[\"self-harm/intent\"]") java.util.List<String> categories,
            @Nullable @Schema(type = "string", allowableValues = {"crisis", "refuse", "flag"},
                    description = "What the bot did; null when nothing was flagged") String action,
            @Schema(requiredMode = REQUIRED, description = "The moderation service could not check the message")
            boolean unchecked) {
    }

    @Serdeable
    @Schema(name = "MessageUsage", description = "The LLM call behind a bot message (its first message when the "
            + "answer was split); costMicros is null when the model has no price (unpriced: cost unknown, not 0)")
    record MessageUsage(
            @Schema(requiredMode = REQUIRED, example = "gpt-4o-mini") String model,
            @Schema(requiredMode = REQUIRED, example = "420") long promptTokens,
            @Schema(requiredMode = REQUIRED, example = "80") long completionTokens,
            @Schema(requiredMode = REQUIRED, example = "1200") long latencyMs,
            @Nullable @Schema(description = "Micro-USD; null when unpriced", example = "111") Long costMicros,
            @Schema(requiredMode = REQUIRED) boolean unpriced) {
    }

    @Serdeable
    @Schema(name = "AgentMessageRequest")
    record SendRequest(
            @NotBlank @Size(max = MAX_TEXT) @Schema(requiredMode = REQUIRED, description = "1 to 4096 characters",
                    example = "Hi! Your parcel left the warehouse today.") String text,
            @Nullable @Schema(description = "Keep the bot answering (default false: replying takes the conversation "
                    + "over and pauses the bot)", example = "false") Boolean keepBotActive) {

        @Override
        public String toString() {
            return "SendRequest[" + (text == null ? 0 : text.length()) + " chars]";
        }
    }

    @Serdeable
    @Schema(name = "ConversationPatch", description = "JSON Merge Patch of a conversation's status, assignee and team")
    record ConversationPatch(
            @Nullable @Schema(type = "string", allowableValues = {"open", "waiting", "resolved"},
                    description = "resolved also hands the conversation back to the bot; open or waiting reopens it",
                    example = "resolved") String status,
            @Nullable @Schema(description = "A member's user id (owner, admin or agent); null unassigns",
                    example = "01934f6e-2222-7c2d-9e3f-4a5b6c7d8e9f") String assigneeId,
            @Nullable @Schema(description = "A team's id; null takes it off its team. With a team, the assignee must "
                    + "be a member of it: a new team without an assigneeId leaves an assignee from outside it "
                    + "unassigned", example = "01934f6e-8888-7c2d-9e3f-4a5b6c7d8e9f") String teamId) {
    }

    @Serdeable
    @Schema(name = "InboxCounts", description = "How many conversations need a person (status waiting)")
    record CountsResponse(
            @Schema(requiredMode = REQUIRED, description = "All waiting conversations", example = "3") long waiting,
            @Schema(requiredMode = REQUIRED, description = "Waiting and assigned to you (0 for an API key)",
                    example = "1") long waitingMine,
            @Schema(requiredMode = REQUIRED, description = "Waiting and assigned to nobody", example = "2")
            long waitingUnassigned,
            @Schema(requiredMode = REQUIRED, description = "Waiting and assigned to a team you are in (0 for an API "
                    + "key)", example = "1") long waitingTeams) {
    }

    @Serdeable
    @Schema(name = "ConversationNote", description = "A private note: members only, never sent to the contact, "
            + "never shown to the bot")
    record NoteResponse(
            @Schema(requiredMode = REQUIRED, example = "01934f6e-6666-7c2d-9e3f-4a5b6c7d8e9f") String id,
            @Schema(requiredMode = REQUIRED, example = "01934f6e-8a1b-7c2d-9e3f-4a5b6c7d8e9f") String conversationId,
            @Nullable @Schema(description = "The member who wrote it; null for an API key",
                    example = "01934f6e-2222-7c2d-9e3f-4a5b6c7d8e9f") String authorId,
            @Schema(requiredMode = REQUIRED, example = "VIP customer: offer the refund.") String text,
            @Schema(requiredMode = REQUIRED) Instant createdAt) {

        @Override
        public String toString() {
            return "NoteResponse[" + id + "]";
        }
    }

    @Serdeable
    @Schema(name = "ConversationNoteRequest")
    record NoteRequest(
            @NotBlank @Size(max = MAX_TEXT) @Schema(requiredMode = REQUIRED, description = "1 to 4096 characters",
                    example = "VIP customer: offer the refund.") String text) {

        @Override
        public String toString() {
            return "NoteRequest[" + (text == null ? 0 : text.length()) + " chars]";
        }
    }
}
