package io.parley.api.privacy;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything Parley stores about one contact (docs/privacy.md "Export"): each list is the rows of one table as
 * stored, with snake_case column names, so the document is complete rather than pretty.
 */
@Serdeable
@Schema(name = "ContactExport")
record ContactExportWire(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant exportedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The contact row") Map<String, Object> contact,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Map<String, Object>> identities,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Map<String, Object>> optOuts,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Map<String, Object>> conversations,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Map<String, Object>> messages,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Conversation summaries (long memory)")
        List<Map<String, Object>> summaries,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Team members' notes on the conversations")
        List<Map<String, Object>> notes,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Map<String, Object>> handoffs,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Flows in progress and their captured answers")
        List<Map<String, Object>> flowState,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Broadcasts sent to the contact")
        List<Map<String, Object>> broadcasts,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Map<String, Object>> memory,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Map<String, Object>> memoryHistory,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Map<String, Object>> subscriptions,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Map<String, Object>> accessCodeRedemptions,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Map<String, Object>> llmUsage) {

    @SuppressWarnings("unchecked")
    static ContactExportWire of(Instant exportedAt, Map<String, Object> document) {
        return new ContactExportWire(exportedAt, (Map<String, Object>) document.get("contact"),
                list(document, "identities"), list(document, "optOuts"), list(document, "conversations"),
                list(document, "messages"), list(document, "summaries"), list(document, "notes"),
                list(document, "handoffs"), list(document, "flowState"), list(document, "broadcasts"),
                list(document, "memory"), list(document, "memoryHistory"),
                list(document, "subscriptions"), list(document, "accessCodeRedemptions"), list(document, "llmUsage"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> document, String key) {
        Object value = document.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
