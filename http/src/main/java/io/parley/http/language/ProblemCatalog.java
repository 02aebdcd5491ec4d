package io.parley.http.language;

import io.parley.http.problem.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translations of one language, gettext style: the English text is the message id, so code keeps writing
 * plain English ({@code ProblemException.notFound("Bot")}, bean-validation messages, framework errors) and a
 * message without a translation simply stays English. Adding one is one line in
 * {@code problems/<language>.yml}: {@code "English text": "translation"}.
 * <p>
 * Messages that embed values are written with numbered placeholders: {@code "{0} not found": "找不到{0}"} matches
 * "Bot not found", and each value is itself translated when the catalogue knows it ("Bot" → "機器人"; "Web chat
 * channel" through "{0} channel"), so nouns and the like are translated once. Exact entries win over patterns;
 * among patterns, the one with the most literal text wins.
 * <p>
 * Why not Micronaut's {@code ResourceBundleMessageSource}: it looks messages up by key, which would mean a key for
 * each of the ~100 messages at their call sites (and at those other branches add), while properties files cannot
 * hold English text as a key without escaping every space; matching the rendered English needs patterns anyway.
 */
public final class ProblemCatalog {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    private final Map<String, String> exact = new LinkedHashMap<>();
    private final List<Template> templates = new ArrayList<>();

    private ProblemCatalog(Map<String, String> entries) {
        entries.forEach((english, translation) -> {
            if (PLACEHOLDER.matcher(english).find()) {
                Template template = Template.of(english, translation);
                if (template.literalLength() == 0) {
                    throw new IllegalArgumentException("A message must have text besides placeholders: " + english);
                }
                templates.add(template);
            } else {
                exact.put(english, translation);
            }
        });
        templates.sort(Comparator.comparingInt(Template::literalLength).reversed());
    }

    /** The catalogue on the classpath at {@code /problems/<tag>.yml}. */
    public static ProblemCatalog forLanguage(ProblemLanguage language) {
        return new ProblemCatalog(entries(language));
    }

    /** The raw entries, English → translation, in file order. */
    public static Map<String, String> entries(ProblemLanguage language) {
        String resource = "/problems/" + language.tag() + ".yml";
        try (InputStream in = ProblemCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false); // a message translated twice is a mistake, not a choice
            Object loaded = new Yaml(new SafeConstructor(options)).load(in);
            Map<String, String> entries = new LinkedHashMap<>();
            if (loaded instanceof Map<?, ?> map) {
                map.forEach((key, value) -> entries.put(String.valueOf(key), String.valueOf(value)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The translation of {@code english}, if the catalogue has one. */
    public Optional<String> translate(String english) {
        if (english == null) {
            return Optional.empty();
        }
        String direct = exact.get(english);
        if (direct != null) {
            return Optional.of(direct);
        }
        for (Template template : templates) {
            Matcher matcher = template.pattern().matcher(english);
            if (matcher.matches()) {
                return Optional.of(template.fill(matcher, this));
            }
        }
        return Optional.empty();
    }

    /** The problem with title, detail and field messages translated where the catalogue can; type and fields kept. */
    public Problem localize(Problem problem) {
        List<Problem.FieldError> errors = problem.errors() == null ? null : problem.errors().stream()
                .map(error -> new Problem.FieldError(error.field(), or(error.message())))
                .toList();
        String detail = problem.detail() == null ? null : translate(problem.detail())
                .orElseGet(() -> joinedFieldErrors(problem, errors).orElse(problem.detail()));
        return new Problem(problem.type(), or(problem.title()), problem.status(), detail, problem.instance(), errors);
    }

    private String or(String english) {
        return translate(english).orElse(english);
    }

    /** Validation details list the field errors ("field: message; …"): rebuilt from the translated messages. */
    private static Optional<String> joinedFieldErrors(Problem original, List<Problem.FieldError> translated) {
        if (original.errors() == null || original.errors().isEmpty()
                || !original.detail().equals(join(original.errors()))) {
            return Optional.empty();
        }
        return Optional.of(join(translated));
    }

    private static String join(List<Problem.FieldError> errors) {
        return String.join("; ", errors.stream().map(error -> error.field() + ": " + error.message()).toList());
    }

    /** "{0} not found" → ^\Q\E(.+?)\Q not found\E$, remembering which group fills which placeholder. */
    private record Template(Pattern pattern, List<Integer> order, String translation, int literalLength) {

        static Template of(String english, String translation) {
            StringBuilder regex = new StringBuilder("^");
            List<Integer> order = new ArrayList<>();
            Matcher placeholder = PLACEHOLDER.matcher(english);
            int at = 0;
            int literal = 0;
            while (placeholder.find()) {
                String text = english.substring(at, placeholder.start());
                regex.append(Pattern.quote(text)).append("(.+?)");
                literal += text.length();
                order.add(Integer.parseInt(placeholder.group(1)));
                at = placeholder.end();
            }
            regex.append(Pattern.quote(english.substring(at))).append('$');
            literal += english.length() - at;
            return new Template(Pattern.compile(regex.toString(), Pattern.DOTALL), order, translation, literal);
        }

        String fill(Matcher matcher, ProblemCatalog catalog) {
            String result = translation;
            for (int group = 1; group <= matcher.groupCount(); group++) {
                String value = matcher.group(group);
                // a value is shorter than the message it came from, so this recursion ends
                String translated = catalog.translate(value).orElse(value);
                result = result.replace("{" + order.get(group - 1) + "}", translated);
            }
            return result;
        }
    }
}
