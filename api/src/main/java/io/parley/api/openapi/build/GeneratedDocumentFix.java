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
 * Build step (api/pom.xml, phase process-classes): repairs three defects of micronaut-openapi 6.20's OpenAPI 3.1
 * output in the generated document, in place, before it is packaged and served.
 * <ul>
 *   <li>every schema with an example also gets swagger-models' internal {@code exampleSetFlag: true} (not a JSON
 *       Schema keyword: Redocly's struct rule rejects it);</li>
 *   <li>a schema with {@code allowableValues} keeps that annotation attribute's name next to the {@code enum} it
 *       became (not a JSON Schema keyword either);</li>
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
            object.values().forEach(GeneratedDocumentFix::fix);
        } else if (node instanceof List<?> list) {
            list.forEach(GeneratedDocumentFix::fix);
        }
    }
}
