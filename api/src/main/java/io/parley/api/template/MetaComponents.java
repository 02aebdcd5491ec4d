package io.parley.api.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new template's components as the Graph API takes them ({@code POST /{waba-id}/message_templates}): the same
 * structure with Meta's snake_case keys ({@code example.header_text}, {@code header_handle}, {@code body_text},
 * {@code phone_number}), fields left out when absent. Also how they are stored, so submitted and synced templates
 * read alike.
 */
final class MetaComponents {

    private MetaComponents() {
    }

    static List<Map<String, Object>> of(List<TemplateWire.Component> components) {
        List<Map<String, Object>> meta = new ArrayList<>();
        for (TemplateWire.Component component : components) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", component.type());
            put(out, "format", component.format());
            put(out, "text", component.text());
            if (component.example() != null) {
                Map<String, Object> example = new LinkedHashMap<>();
                put(example, "header_text", component.example().headerText());
                put(example, "header_handle", component.example().headerHandle());
                put(example, "body_text", component.example().bodyText());
                out.put("example", example);
            }
            if (component.buttons() != null) {
                out.put("buttons", component.buttons().stream().map(MetaComponents::button).toList());
            }
            meta.add(out);
        }
        return meta;
    }

    private static Map<String, Object> button(TemplateWire.Button button) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", button.type());
        put(out, "text", button.text());
        put(out, "url", button.url());
        put(out, "phone_number", button.phoneNumber());
        put(out, "example", button.example());
        return out;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
