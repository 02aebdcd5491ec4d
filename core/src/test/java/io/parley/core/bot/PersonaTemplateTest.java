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
}
