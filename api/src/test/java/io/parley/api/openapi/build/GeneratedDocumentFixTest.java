package io.parley.api.openapi.build;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedDocumentFixTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixed(String yaml) {
        Map<String, Object> tree = new Yaml().load(yaml);
        GeneratedDocumentFix.fix(tree);
        return tree;
    }

    @Test
    void dropsSwaggerModelsFlagsButKeepsPropertiesOfThatName() {
        Map<String, Object> schema = fixed("""
                type: object
                exampleSetFlag: true
                properties:
                  kind: {type: string, enum: [a, b], allowableValues: [a, b], example: a, exampleSetFlag: true}
                  exampleSetFlag: {type: string}
                """);

        assertThat(schema).doesNotContainKey("exampleSetFlag");
        assertThat((Map<String, Object>) schema.get("properties")).containsKey("exampleSetFlag");
        assertThat((Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get("kind"))
                .containsOnlyKeys("type", "enum", "example");
    }

    @Test
    void typesNullableStringsNumbersMapsAndReferencesAsTheyAre() {
        Map<String, Object> properties = (Map<String, Object>) fixed("""
                properties:
                  text: {type: [string, "null", object]}
                  count: {type: [integer, "null"], example: "10"}
                  ratio: {type: [number, "null"], example: "0.7"}
                  flag: {type: [boolean, "null"], example: "false"}
                  tiers: {type: "null", additionalProperties: {$ref: "#/components/schemas/TierLimits"}}
                  details: {additionalProperties: {}}
                  trigger: {type: "null", allOf: [{$ref: "#/components/schemas/FlowTrigger"}]}
                """).get("properties");

        assertThat(properties.get("text")).isEqualTo(Map.of("type", List.of("string", "null")));
        assertThat((Map<String, Object>) properties.get("count")).containsEntry("example", 10L);
        assertThat((Map<String, Object>) properties.get("ratio")).containsEntry("example", new java.math.BigDecimal("0.7"));
        assertThat((Map<String, Object>) properties.get("flag")).containsEntry("example", false);
        assertThat((Map<String, Object>) properties.get("tiers")).containsEntry("type", List.of("object", "null"));
        assertThat((Map<String, Object>) properties.get("details")).containsEntry("type", "object");
        assertThat(properties.get("trigger")).isEqualTo(Map.of("oneOf",
                List.of(Map.of("$ref", "#/components/schemas/FlowTrigger"), Map.of("type", "null"))));
    }
}
