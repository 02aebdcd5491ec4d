package io.parley.api.contact;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import io.parley.core.setuppage.SetupPageSettings;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.Problem;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a setup-page submission may change, from the bot's settings: attributes that are fields of the page and
 * editable, and the persona override only when the bot allows it (sending it, even as null, is refused otherwise).
 * Checked before anything is written; every refused part is named (400 validation-failed).
 */
final class SetupSubmissionRules {

    private SetupSubmissionRules() {
    }

    static void check(ContactWire.SetupSubmission submission, MergePatch members, SetupPageSettings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        JsonNode attributes = submission.attributes();
        if (attributes != null && attributes.isObject()) {
            for (Map.Entry<String, JsonNode> entry : attributes.entries()) {
                SetupPageSettings.Field field = settings.field(entry.getKey());
                if (field == null) {
                    errors.add(new Problem.FieldError("attributes." + entry.getKey(),
                            "is not a field of this setup page"));
                } else if (!field.editable()) {
                    errors.add(new Problem.FieldError("attributes." + entry.getKey(),
                            "is read-only on this setup page"));
                }
            }
        }
        if (members.has("personaOverride") && !settings.allowPersonaOverride()) {
            errors.add(new Problem.FieldError("personaOverride", "this bot does not let contacts replace its character"));
        }
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, HttpStatus.BAD_REQUEST, detail, errors, Map.of());
        }
    }
}
