package io.parley.http.json;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the properties of a JSON document that its target type does not have, with their paths
 * ({@code limits.perMinute}, {@code steps[1].colour}), so one 400 names all of them.
 *
 * <p>Why not Micronaut Serde's {@code micronaut.serde.deserialization.ignore-unknown=false}: it is global (provider
 * webhooks, provider API answers, stored jsonb and job arguments would turn strict too, and providers add fields),
 * it stops at the first unknown property and names it without its path. This walk reads the same compile-time
 * introspections Serde uses (every {@code @Serdeable} record has one), so it needs no reflection.
 */
final class UnknownProperties {

    private static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";

    private UnknownProperties() {
    }

    static List<String> of(Argument<?> type, JsonNode document) {
        List<String> unknown = new ArrayList<>();
        collect(type, document, "", unknown);
        return unknown;
    }

    private static void collect(Argument<?> type, JsonNode node, String path, List<String> unknown) {
        Class<?> raw = type.getType();
        if (raw == Optional.class) {
            type.getFirstTypeVariable().ifPresent(inner -> collect(inner, node, path, unknown));
            return;
        }
        if (node.isArray()) {
            Optional<Argument<?>> element = raw.isArray() ? Optional.<Argument<?>>of(Argument.of(raw.getComponentType()))
                    : Collection.class.isAssignableFrom(raw) ? type.getFirstTypeVariable() : Optional.empty();
            if (element.isPresent()) {
                for (int i = 0; i < node.size(); i++) {
                    collect(element.get(), node.get(i), path + "[" + i + "]", unknown);
                }
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Argument<?>[] parameters = type.getTypeParameters();
            if (parameters.length == 2) {
                for (Map.Entry<String, JsonNode> entry : node.entries()) {
                    collect(parameters[1], entry.getValue(), join(path, entry.getKey()), unknown);
                }
            }
            return;
        }
        Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(raw);
        if (introspection.isEmpty() || raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return; // free-form JSON (attributes, credentials as Map<String, Object>…)
        }
        Map<String, Argument<?>> properties = new HashMap<>();
        for (BeanProperty<?, ?> property : introspection.get().getBeanProperties()) {
            String name = property.getAnnotationMetadata().stringValue(JSON_PROPERTY).orElse(property.getName());
            properties.put(name, property.asArgument());
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            Argument<?> propertyType = properties.get(entry.getKey());
            if (propertyType == null) {
                unknown.add(join(path, entry.getKey()));
            } else {
                collect(propertyType, entry.getValue(), join(path, entry.getKey()), unknown);
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
