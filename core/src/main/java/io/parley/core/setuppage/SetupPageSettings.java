package io.parley.core.setuppage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a bot's setup page (the contact's signed link, docs/setup-page.md) shows and accepts, stored as JSON in
 * {@code bot_setup_pages.settings}:
 * <ul>
 *   <li>{@code fields}: the contact attributes the page shows, in order, each with the tenant's label (English and/or
 *       Traditional Chinese) and whether the contact may change it. Attributes not listed are neither shown nor
 *       accepted;</li>
 *   <li>{@code allowPersonaOverride}: whether the contact may write a character of its own that replaces the bot's
 *       persona. Off unless the tenant turns it on (V125 turned it off for every existing bot): a contact override
 *       is then neither accepted by the page nor used in the prompt;</li>
 *   <li>{@code personaLabel}: the persona field's label when it is allowed (default: the page's own words);</li>
 *   <li>{@code doneText}: what the page shows after a successful submission (default: the page's own words).</li>
 * </ul>
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SetupPageSettings(List<Field> fields, boolean allowPersonaOverride, @Nullable Label personaLabel,
                                @Nullable Label doneText) {

    /** The attribute the page asked for before pages were configurable. */
    public static final String NICKNAME = "nickname";

    /** A bot without settings: the nickname, editable, with the page's own label; no persona override. */
    public static final SetupPageSettings DEFAULTS = new SetupPageSettings(
            List.of(new Field(NICKNAME, null, true)), false, null, null);

    public SetupPageSettings {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** The field for an attribute key, if the page shows it. */
    @Nullable
    public Field field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    /** A shown attribute: its key, the tenant's label (null: the key, or the page's word for nickname), editable. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(String key, @Nullable Label label, boolean editable) {
    }

    /** Text in the tenant's words: English, Traditional Chinese, or one of them for both. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Label(@Nullable String en, @Nullable @JsonProperty("zh-Hant") String zhHant) {
    }
}
