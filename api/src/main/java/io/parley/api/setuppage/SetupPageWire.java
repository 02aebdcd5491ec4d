package io.parley.api.setuppage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.core.setuppage.SetupPageSettings;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Wire types of /api/v1/bots/{botId}/setup-page: what the bot's setup page shows and accepts. */
final class SetupPageWire {

    private SetupPageWire() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SetupPageSettings", description = "What the bot's setup page (the contact's signed link) shows and "
            + "accepts. `fields`: the contact attributes shown, in order (0-20; attributes not listed are neither "
            + "shown nor accepted). `allowPersonaOverride` (default false): whether the contact may write a "
            + "character that replaces the bot's persona; while false an override is neither accepted nor used. "
            + "`personaLabel` (only with allowPersonaOverride) and `doneText` (shown after submitting) in the "
            + "tenant's words.", examples = """
            {"fields": [{"key": "nickname", "label": {"en": "What should I call you?", "zh-Hant": "我該怎麼稱呼你？"}},
                        {"key": "zodiac", "label": {"en": "Star sign"}, "editable": false}],
             "allowPersonaOverride": true, "personaLabel": {"en": "Your companion's character"},
             "doneText": {"en": "Saved! Go back to LINE and say hi.", "zh-Hant": "已儲存！回到 LINE 打聲招呼吧。"}}""")
    record SettingsSpec(
            @Nullable @Schema(requiredMode = REQUIRED, description = "The attributes shown, in order") List<FieldSpec> fields,
            @Nullable @Schema(requiredMode = REQUIRED, description = "Whether the contact may replace the persona")
            Boolean allowPersonaOverride,
            @Nullable SetupPageLabel personaLabel,
            @Nullable SetupPageLabel doneText) {

        static SettingsSpec of(SetupPageSettings settings) {
            return new SettingsSpec(settings.fields().stream().map(f -> new FieldSpec(f.key(), SetupPageLabel.of(f.label()),
                    f.editable())).toList(), settings.allowPersonaOverride(), SetupPageLabel.of(settings.personaLabel()),
                    SetupPageLabel.of(settings.doneText()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SetupPageField", description = "An attribute the page shows")
    record FieldSpec(
            @Nullable @Schema(requiredMode = REQUIRED, description = "The attribute key, 1-64 of A-Z a-z 0-9 _ -",
                    example = "nickname") String key,
            // The label in the tenant's words (default: the key; the page's own word for nickname). No @Schema here:
            // it would inline a copy of SetupPageLabel.
            @Nullable SetupPageLabel label,
            @Nullable @Schema(description = "Whether the contact may change it (default true); false shows it "
                    + "read-only") Boolean editable) {
    }
}
