package io.parley.api.flow;

import io.parley.core.flow.FlowLimits;
import io.parley.core.flow.Step;
import io.parley.core.flow.capture.InputKind;
import io.parley.core.flow.capture.SaveTarget;
import io.parley.core.tenancy.Ids;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code ask} and {@code goto} steps of a request, checked like every other step (see {@link FlowValidation}). */
final class FlowAskValidation {

    static final int MAX_ATTEMPTS = 10;
    static final int DEFAULT_ATTEMPTS = 3;

    private FlowAskValidation() {
    }

    static Step ask(String at, FlowWire.StepSpec spec, FlowValidation validation) {
        boolean valid = validation.template(at + ".text", spec.text(), FlowLimits.MAX_TEXT_LENGTH, false)
                & validation.template(at + ".retryText", spec.retryText(), FlowLimits.MAX_TEXT_LENGTH, true)
                & validation.template(at + ".failText", spec.failText(), FlowLimits.MAX_TEXT_LENGTH, true);
        InputKind input = InputKind.parse(spec.input()).orElse(null);
        if (input == null) {
            validation.error(at + ".input", "must be one of text, number, email, phone, date, choice, regex, "
                    + "access_code");
            return null;
        }
        boolean optionalSave = input == InputKind.ACCESS_CODE && spec.saveTo() == null;
        if (!optionalSave && SaveTarget.parse(spec.saveTo()).isEmpty()) {
            validation.error(at + ".saveTo", "must be contact.attributes.<key> or conversation.variables.<key> "
                    + "(keys: 1-64 of A-Z, a-z, 0-9, _ and -)");
            valid = false;
        }
        int attempts = spec.maxAttempts() == null ? DEFAULT_ATTEMPTS : spec.maxAttempts();
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            validation.error(at + ".maxAttempts", "must be 1 to " + MAX_ATTEMPTS);
            valid = false;
        }
        List<Step.Button> buttons = null;
        if (input == InputKind.CHOICE) {
            buttons = validation.buttonList(at, spec.buttons());
            valid &= buttons != null;
        } else if (spec.buttons() != null) {
            validation.error(at + ".buttons", "is only used by input choice");
            valid = false;
        }
        if (input == InputKind.REGEX) {
            valid &= pattern(at + ".pattern", spec.pattern(), validation);
        } else if (spec.pattern() != null) {
            validation.error(at + ".pattern", "is only used by input regex");
            valid = false;
        }
        return valid ? new Step.Ask(spec.text(), input, buttons, spec.pattern(), spec.saveTo(), spec.retryText(),
                attempts, spec.failText()) : null;
    }

    static Step goTo(String at, FlowWire.StepSpec spec, FlowValidation validation) {
        UUID flow = Ids.parse(spec.flowId()).orElse(null);
        if (flow == null) {
            validation.error(at + ".flowId", "must be the id of a flow of this bot");
            return null;
        }
        validation.gotoTarget(at + ".flowId", flow);
        return new Step.GoTo(flow.toString());
    }

    private static boolean pattern(String field, String pattern, FlowValidation validation) {
        if (!validation.text(field, pattern, FlowLimits.MAX_PATTERN_LENGTH, false)) {
            return false;
        }
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            validation.error(field, "is not a valid regular expression: " + e.getDescription());
            return false;
        }
    }
}
