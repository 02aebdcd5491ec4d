package io.parley.app;

/**
 * A start-up problem the operator can fix (a missing or malformed setting, a busy data directory). Its message is
 * printed as is, without a stack trace, so it must say what is wrong and what to do.
 */
final class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message, null, false, false);
    }
}
