package io.parley.api.contact;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.parley.http.json.MergePatch;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/contacts and the public setup page API. */
final class ContactWire {

    static final String ATTRIBUTES_DESCRIPTION = "JSON merge patch (RFC 7396) of the attributes: a key with null is "
            + "removed, any other value replaces that key's value (lists are replaced whole); keys not sent stay. "
            + "Values are strings (≤ 1000 characters), numbers, booleans or lists of them; at most 50 keys named "
            + "[A-Za-z0-9_-]{1,64}, 16 KB of JSON in all.";
    static final String PERSONA_DESCRIPTION = "Replaces the bot's persona for this contact (≤ 16000 characters; "
            + "placeholders {{contact.displayName}}, {{contact.tier}}, {{contact.attributes.<key>}}, {{bot.name}}); "
            + "\"\" removes it.";

    private ContactWire() {
    }

    static final String TAGS_DESCRIPTION = "Labels for segments, at most 20, each 1-40 letters (any script), digits, "
            + "_ - : . or inner spaces; the list replaces the contact's tags whole.";

    @Serdeable
    @Schema(name = "ContactCreate", description = "A contact with its first channel identity, e.g. a customer list "
            + "entry to reach by broadcast before they ever wrote.")
    record ContactCreate(
            @Schema(requiredMode = REQUIRED, description = "A LINE, WhatsApp or Telegram channel of the tenant",
                    example = "01934f6e-1111-7c2d-9e3f-4a5b6c7d8e9f") @NotBlank String channelId,
            @NotBlank @Size(max = 64) @Schema(requiredMode = REQUIRED, description = "LINE userId (U + 32 hex "
                    + "digits), WhatsApp number in E.164 (+886912345678, stored as the wa_id 886912345678) or Telegram chat id",
                    example = "+886912345678") String externalUserId,
            @Nullable @Size(max = 200) @Schema(example = "陳小明") String displayName,
            @Nullable @Schema(implementation = Object.class, type = "object", description = "The attributes (see "
                    + "PATCH for the rules)", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                    example = "{\"city\": \"Taipei\"}") JsonNode attributes,
            @Nullable @Pattern(regexp = "[a-z0-9_-]{1,40}", message = "must be 1-40 of a-z, 0-9, _ or -")
            @Schema(description = "Default free", example = "premium") String tier,
            @Nullable @Schema(description = TAGS_DESCRIPTION, example = "[\"vip\", \"台北\"]") List<String> tags) {

        @Override
        public String toString() {
            return "ContactCreate[" + channelId + "]";
        }
    }

    @Serdeable
    @Schema(name = "ContactPatch", description = "A JSON Merge Patch (RFC 7396): members left out keep their value; "
            + "null removes displayName, personaOverride or all attributes and puts tier back to free; attributes merge "
            + "key by key.")
    record ContactPatch(
            @Nullable @Size(max = 200) @Schema(description = "\"\" removes it", example = "陳小明") String displayName,
            @Nullable @Schema(implementation = Object.class, type = "object", description = ATTRIBUTES_DESCRIPTION,
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                    example = "{\"nickname\": \"Mei\", \"zodiac\": \"leo\", \"oldKey\": null}") JsonNode attributes,
            @Nullable @Pattern(regexp = "[a-z0-9_-]{1,40}", message = "must be 1-40 of a-z, 0-9, _ or -")
            @Schema(description = "Bots can set other message limits per tier", example = "premium") String tier,
            @Nullable @Schema(description = "A blocked contact gets no bot replies and cannot use setup links")
            Boolean blocked,
            @Nullable @Size(max = 16000) @Schema(description = PERSONA_DESCRIPTION,
                    example = "You are Kai, {{contact.displayName}}'s cheerful study buddy.") String personaOverride,
            @Nullable @Schema(description = TAGS_DESCRIPTION + " null removes every tag.",
                    example = "[\"vip\"]") List<String> tags) {

        @Override
        public String toString() {
            return "ContactPatch[" + ContactMerge.changedFields(this, MergePatch.of(JsonNode.nullNode())) + "]";
        }
    }

    @Serdeable
    @Schema(name = "Contact")
    record ContactResponse(
            @Schema(requiredMode = REQUIRED, example = "01934f6e-8a1b-7c2d-9e3f-4a5b6c7d8e9f") String id,
            @Nullable @Schema(example = "陳小明") String displayName,
            @Schema(requiredMode = REQUIRED, example = "{\"nickname\": \"Mei\", \"zodiac\": \"leo\"}") Map<String, Object> attributes,
            @Schema(requiredMode = REQUIRED, example = "free") String tier,
            boolean blocked,
            @Nullable String personaOverride,
            @Schema(requiredMode = REQUIRED, example = "[\"vip\"]") List<String> tags,
            List<Identity> identities,
            Instant createdAt, Instant updatedAt,
            @Nullable @Schema(description = "When a message from the contact last arrived") Instant lastSeenAt) {

        @Override
        public String toString() {
            return "ContactResponse[" + id + "]";
        }
    }

    @Serdeable
    @Schema(name = "ContactIdentity", description = "The contact as one channel knows it")
    record Identity(
            @Schema(requiredMode = REQUIRED, example = "01934f6e-1111-7c2d-9e3f-4a5b6c7d8e9f") String channelId,
            @Schema(requiredMode = REQUIRED, type = "string", allowableValues = {"line", "whatsapp", "telegram", "web"},
                    example = "line")
            String channelType,
            @Schema(requiredMode = REQUIRED, description = "LINE userId, WhatsApp wa_id, Telegram user id or web session id",
                    example = "U4af4980629d5a8b0a1c1e1e1e1e1e1e1") String externalUserId,
            @Schema(requiredMode = REQUIRED, description = "The provider's profile", example = "{\"pictureUrl\": \"https://profile.line-scdn.net/abc\"}")
            Map<String, Object> profile,
            @Schema(requiredMode = REQUIRED, description = "False after the user unfollowed or blocked the bot")
            boolean following,
            @Schema(requiredMode = REQUIRED, description = "On the suppression list: no broadcast reaches it")
            boolean optedOut,
            @Nullable @Schema(type = "string", allowableValues = {"unfollow", "keyword", "api"},
                    description = "Why it is on the suppression list") String optOutSource) {
    }

    @Serdeable
    @Schema(name = "SetupLinkRequest")
    record SetupLinkRequest(
            @Nullable @Min(5) @Max(10080) @Schema(description = "Minutes until the link expires (5 to 10080; default "
                    + "1440 = one day)", example = "1440") Integer expiresInMinutes) {
    }

    @Serdeable
    @Schema(name = "SetupLink")
    record SetupLinkResponse(
            @Schema(requiredMode = REQUIRED, description = "The page to send to the contact", example = "https://parley.example.com/setup/pst_AZNPbooxfC2ePzpbVsx9jp8AAAAAZ0Qk0w.Zm9vYmFy")
            String url,
            @Schema(requiredMode = REQUIRED, description = "The signed token inside the url", example = "pst_AZNPbooxfC2ePzpbVsx9jp8AAAAAZ0Qk0w.Zm9vYmFy")
            String token,
            Instant expiresAt) {

        @Override
        public String toString() {
            return "SetupLinkResponse[expiresAt=" + expiresAt + "]";
        }
    }

    @Serdeable
    @Schema(name = "SetupPage", description = "What the setup page shows and edits, as the bot's setup-page settings "
            + "say (GET/PUT /api/v1/bots/{botId}/setup-page): `fields` in order with the tenant's labels, "
            + "`attributes` holding only those fields' values, and the persona only when the bot allows overrides")
    record SetupPage(SetupContact contact,
                     @Schema(requiredMode = REQUIRED, example = "{\"nickname\": \"Mei\"}") Map<String, Object> attributes,
                     @Nullable @Schema(description = "Only when allowPersonaOverride") String personaOverride,
                     Instant expiresAt,
                     @Schema(requiredMode = REQUIRED, description = "The attributes the page shows, in order")
                     List<SetupField> fields,
                     @Schema(requiredMode = REQUIRED, description = "Whether the contact may write its own character")
                     boolean allowPersonaOverride,
                     // The persona field's label and the text shown after a successful submission, in the
                     // tenant's words (no @Schema: it would inline copies of SetupText).
                     @Nullable SetupText personaLabel,
                     @Nullable SetupText doneText,
                     @Schema(requiredMode = REQUIRED, description = "Read: whether submitting the page will make "
                             + "the bot write to the contact (an enabled setup_submitted flow that has not fired for "
                             + "them yet). Submission: whether this submission did. The page promises a message "
                             + "only then") boolean messageAfterSubmit,
                     @Schema(requiredMode = REQUIRED, description = "Read-only: the bot's memory fields marked "
                             + "visibleToContact, in declared order, with the contact's current values")
                     List<SetupMemory> memory,
                     @Schema(requiredMode = REQUIRED, description = "Whether the contact's bot asks for an access "
                             + "code (a gate on contact.accessCode or an ask step for one): the page then offers a "
                             + "code field, POST …/access-code") boolean accessCodeAsked,
                     @Schema(requiredMode = REQUIRED, description = "Whether the contact has redeemed an access "
                             + "code of the bot that is not revoked (false when the bot asks for none)")
                     boolean accessCodeRedeemed) {

        @Override
        public String toString() {
            return "SetupPage[expiresAt=" + expiresAt + "]";
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SetupField", description = "An attribute on the setup page")
    record SetupField(@Schema(requiredMode = REQUIRED, example = "nickname") String key, @Nullable SetupText label,
                      @Schema(requiredMode = REQUIRED, description = "false: shown read-only") boolean editable) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SetupMemory", description = "A memory field the bot lets the contact see (never edited here)")
    record SetupMemory(@Schema(requiredMode = REQUIRED, example = "favorability") String name,
                       @Nullable @Schema(description = "What the field means, in the bot's words",
                               example = "How much you like the user") String description,
                       @Nullable @Schema(description = "The current value, else the field's default; absent: none",
                               types = {"string", "number", "boolean"}) Object value) {
    }

    @Serdeable
    @Schema(name = "SetupContact")
    record SetupContact(@Nullable @Schema(example = "陳小明") String displayName) {
    }

    @Serdeable
    @Schema(name = "SetupSubmission", description = "Only the fields sent change.")
    record SetupSubmission(
            @Nullable @Schema(implementation = Object.class, type = "object", description = ATTRIBUTES_DESCRIPTION,
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                    example = "{\"characterName\": \"Kai\", \"hobbies\": [\"chess\", \"hiking\"]}") JsonNode attributes,
            @Nullable @Size(max = 16000) @Schema(description = PERSONA_DESCRIPTION,
                    example = "You are Kai, a calm mentor who answers in short sentences.") String personaOverride) {

        @Override
        public String toString() {
            return "SetupSubmission[]";
        }
    }

    @Serdeable
    @Schema(name = "SetupAccessCodeRequest", description = "An access code typed on the setup page")
    record SetupAccessCodeRequest(
            @NotBlank @Size(max = 100) @Schema(requiredMode = REQUIRED, description = "As the contact typed it: any "
                    + "case, with or without dashes or spaces", example = "K7QM-2XRT-94HP") String code) {

        @Override
        public String toString() {
            return "SetupAccessCodeRequest[code=***]";
        }
    }
}
