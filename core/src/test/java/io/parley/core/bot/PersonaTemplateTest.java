package io.parley.core.bot;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PersonaTemplateTest {

    @Test
    void rendersContactFieldsAttributesAndTheSetupLink() {
        String rendered = PersonaTemplate.render(
                "You are {{ contact.attributes.character }}, talking to {{contact.displayName}} ({{contact.tier}}) "
                        + "as {{bot.name}}. Setup: {{setupUrl}}",
                PersonaTemplate.contactValues("小明", "premium", Map.of("character", "a calm dragon"), "Lumi",
                        "https://parley.example/setup/abc"));

        assertThat(rendered).isEqualTo("You are a calm dragon, talking to 小明 (premium) as Lumi. "
                + "Setup: https://parley.example/setup/abc");
    }

    @Test
    void missingValuesBecomeEmptyAndDollarSignsSurvive() {
        String rendered = PersonaTemplate.render("Hi {{contact.displayName}}! Costs $5 {{contact.attributes.none}}.",
                PersonaTemplate.contactValues(null, "free", Map.of(), "Bot", null));

        assertThat(rendered).isEqualTo("Hi ! Costs $5 .");
    }

    @Test
    void reportsUnknownPlaceholders() {
        assertThat(PersonaTemplate.unknownPlaceholders("{{contact.name}} and {{contact.attributes.ok_key}}", false))
                .containsExactly("contact.name");
        assertThat(PersonaTemplate.unknownPlaceholders("Link: {{setupUrl}}", false)).containsExactly("setupUrl");
        assertThat(PersonaTemplate.unknownPlaceholders("Link: {{setupUrl}}", true)).isEmpty();
        assertThat(PersonaTemplate.unknownPlaceholders(null, true)).isEmpty();
    }

    @Test
    void aMissingOrBlankValueGivesWayToTheFallbackAfterTheBar() {
        var nameless = PersonaTemplate.contactValues(null, "free", Map.of("nick", " "), "Lumi", null);

        assertThat(PersonaTemplate.render("嗨 {{contact.displayName|朋友}}！我是 {{ bot.name | the bot }}", nameless))
                .isEqualTo("嗨 朋友！我是 Lumi");
        assertThat(PersonaTemplate.render("Hi {{contact.attributes.nick|there}}, {{contact.tier|}}.", nameless))
                .isEqualTo("Hi there, free.");
        assertThat(PersonaTemplate.render("Hi {{contact.displayName | friend}}!",
                PersonaTemplate.contactValues("Ann", "free", Map.of(), "Lumi", null))).isEqualTo("Hi Ann!");
    }

    @Test
    void placeholdersWithAFallbackAreCheckedByTheirName() {
        assertThat(PersonaTemplate.unknownPlaceholders("{{contact.displayName|friend}} {{contact.nam|x}}", false))
                .containsExactly("contact.nam");
        assertThat(PersonaTemplate.memoryNames("{{memory.mood|calm}}")).containsExactly("mood");
    }
}
