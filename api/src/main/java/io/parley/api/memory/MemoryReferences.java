package io.parley.api.memory;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.memory.MemoryFields;
import io.parley.core.memory.MemorySchemas;
import io.parley.http.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses texts and conditions that read a memory field the bot does not declare ({@code {{memory.mood}}} in a
 * persona or flow text, {@code "field": "memory.mood"} in a condition), so a typo fails when it is saved instead of
 * rendering as "" or never holding. Scans the stored JSON of a flow's parts, which covers every step type and nested
 * branch without knowing them. In the caller's transaction.
 */
@Singleton
public final class MemoryReferences {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*memory\\.([A-Za-z0-9_]+)\\s*}}");
    private static final Pattern CONDITION = Pattern.compile("\"field\"\\s*:\\s*\"memory\\.([A-Za-z0-9_]+)\"");

    private final MemorySchemas schemas;

    MemoryReferences(MemorySchemas schemas) {
        this.schemas = schemas;
    }

    /** 400 naming {@code field} when {@code text} (a template or a flow part's JSON) reads an undeclared field. */
    public void requireDeclared(UUID tenantId, UUID botId, String field, @Nullable String text) {
        if (text == null || !text.contains("memory.")) {
            return; // most texts read no memory: no query
        }
        Set<String> names = new LinkedHashSet<>();
        for (Pattern pattern : new Pattern[]{PLACEHOLDER, CONDITION}) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        if (names.isEmpty()) {
            return;
        }
        MemoryFields declared = schemas.find(tenantId, botId);
        for (String name : names) {
            if (declared.field(name).isEmpty()) {
                throw ProblemException.invalidField(field, "reads memory." + name + ", which is not a memory field "
                        + "of the bot; declare it first");
            }
        }
    }
}
