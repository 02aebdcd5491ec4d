package io.parley.api.setuppage;

import io.micronaut.http.HttpStatus;
import io.parley.core.flow.FlowLimits;
import io.parley.core.setuppage.SetupPageSettings;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a setup-page settings request and names every wrong part by its path (400 validation-failed). */
final class SetupPageValidation {

    static final int MAX_FIELDS = 20;
    static final int MAX_LABEL = 100;
    static final int MAX_DONE_TEXT = 1000;

    private final List<Problem.FieldError> errors = new ArrayList<>();

    static SetupPageSettings settings(SetupPageWire.SettingsSpec spec) {
        return new SetupPageValidation().read(spec);
    }

    private SetupPageSettings read(SetupPageWire.SettingsSpec spec) {
        List<SetupPageSettings.Field> fields = new ArrayList<>();
        if (spec.fields() == null || spec.fields().size() > MAX_FIELDS) {
            error("fields", "needs 0 to " + MAX_FIELDS + " fields");
        } else {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < spec.fields().size(); i++) {
                SetupPageWire.FieldSpec field = spec.fields().get(i);
                String at = "fields[" + i + "]";
                if (field == null || field.key() == null || !field.key().matches(FlowLimits.ATTRIBUTE_KEY_PATTERN)) {
                    error(at + ".key", "must be 1-64 of A-Z, a-z, 0-9, _ and -");
                    continue;
                }
                if (!keys.add(field.key())) {
                    error(at + ".key", "is listed twice");
                }
                fields.add(new SetupPageSettings.Field(field.key(), label(at + ".label", field.label(), MAX_LABEL),
                        field.editable() == null || field.editable()));
            }
        }
        if (spec.allowPersonaOverride() == null) {
            error("allowPersonaOverride", "is required: true or false");
        }
        boolean allow = Boolean.TRUE.equals(spec.allowPersonaOverride());
        if (spec.personaLabel() != null && !allow) {
            error("personaLabel", "is only used when allowPersonaOverride is true");
        }
        SetupPageSettings.Label personaLabel = label("personaLabel", spec.personaLabel(), MAX_LABEL);
        SetupPageSettings.Label done = label("doneText", spec.doneText(), MAX_DONE_TEXT);
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, HttpStatus.BAD_REQUEST, detail, errors, Map.of());
        }
        return new SetupPageSettings(fields, allow, personaLabel, done);
    }

    private SetupPageSettings.Label label(String at, SetupPageLabel spec, int max) {
        if (spec == null) {
            return null;
        }
        if (spec.en() == null && spec.zhHant() == null) {
            error(at, "needs en, zh-Hant or both");
            return null;
        }
        boolean valid = text(at + ".en", spec.en(), max) & text(at + ".zh-Hant", spec.zhHant(), max);
        return valid ? new SetupPageSettings.Label(spec.en(), spec.zhHant()) : null;
    }

    private boolean text(String at, String value, int max) {
        if (value != null && (value.isBlank() || value.length() > max)) {
            error(at, "must be 1 to " + max + " characters");
            return false;
        }
        return true;
    }

    private void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }
}
