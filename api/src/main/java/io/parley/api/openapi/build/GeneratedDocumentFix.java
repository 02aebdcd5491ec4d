package io.parley.api.openapi.build;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Build step (api/pom.xml, phase process-classes): repairs seven defects of micronaut-openapi 6.20's OpenAPI 3.1
 * output in the generated document, in place, before it is packaged and served.
 * <ul>
 *   <li>every schema with an example also gets swagger-models' internal {@code exampleSetFlag: true} (not a JSON
 *       Schema keyword: Redocly's struct rule rejects it);</li>
 *   <li>a schema with {@code allowableValues} keeps that annotation attribute's name next to the {@code enum} it
 *       became (not a JSON Schema keyword either);</li>
 *   <li>a nullable number or boolean keeps its annotation's example as a string ({@code example: '10'});</li>
 *   <li>a map loses its {@code type: object} (then typescript-fetch writes code that does not compile);</li>
 *   <li>a nullable map loses its own type ({@code type: 'null'} next to {@code additionalProperties});</li>
 *   <li>a nullable reference becomes {@code allOf: [$ref]} with {@code type: 'null'}, which nothing satisfies;
 *       it is written {@code oneOf: [$ref, {type: 'null'}]};</li>
 *   <li>a {@code @Nullable String} becomes {@code type: [string, "null", object]} instead of
 *       {@code [string, "null"]}, so clients would accept any object there.</li>
 * </ul>
 * Nothing else is changed: everything the document says comes from the annotations. Remove this step when
 * micronaut-openapi writes 3.1 correctly (the contract module's lint fails if a defect comes back).
 */
public final class GeneratedDocumentFix {

    private GeneratedDocumentFix() {
    }

    public static void main(String[] args) throws IOException {
        Path document = Path.of(args[0]);
        LoaderOptions loading = new LoaderOptions();
        loading.setCodePointLimit(32 * 1024 * 1024);
        Object tree = new Yaml(loading).load(Files.readString(document, StandardCharsets.UTF_8));
        fix(tree);
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setWidth(120);
        dumping.setSplitLines(false);
        Files.writeString(document, new Yaml(dumping).dump(tree), StandardCharsets.UTF_8);
    }

    /** Applies the repairs to a parsed YAML tree, recursively. */
    @SuppressWarnings("unchecked")
    static void fix(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> object = (Map<String, Object>) map;
            if (object.get("exampleSetFlag") instanceof Boolean) {
                object.remove("exampleSetFlag");
            }
            if (object.containsKey("enum") && object.get("allowableValues") instanceof List<?>) {
                object.remove("allowableValues");
            }
            if (object.get("type") instanceof List<?> types && types.contains("null") && types.contains("object")
                    && types.size() > 2) {
                List<Object> kept = new ArrayList<>(types);
                kept.remove("object");
                object.put("type", kept);
            }
            if (object.get("type") instanceof List<?> types && object.get("example") instanceof String example) {
                object.put("example", typed(example, types));
            }
            if (!object.containsKey("type") && !object.containsKey("$ref") && object.containsKey("additionalProperties")) {
                object.put("type", "object");
            }
            if ("null".equals(object.get("type")) && object.containsKey("additionalProperties")) {
                object.put("type", List.of("object", "null"));
            }
            if ("null".equals(object.get("type")) && object.get("allOf") instanceof List<?> all && all.size() == 1) {
                object.remove("type");
                object.remove("allOf");
                object.put("oneOf", List.of(all.getFirst(), Map.of("type", "null")));
            }
            object.values().forEach(GeneratedDocumentFix::fix);
        } else if (node instanceof List<?> list) {
            list.forEach(GeneratedDocumentFix::fix);
        }
    }

    /** A string example of a (nullable) integer, number or boolean schema as that JSON type. */
    private static Object typed(String example, List<?> types) {
        try {
            if (types.contains("integer")) {
                return Long.parseLong(example);
            }
            if (types.contains("number")) {
                return new java.math.BigDecimal(example);
            }
        } catch (NumberFormatException e) {
            return example;
        }
        if (types.contains("boolean") && ("true".equals(example) || "false".equals(example))) {
            return Boolean.parseBoolean(example);
        }
        return example;
    }
}
