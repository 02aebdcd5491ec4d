package io.parley.contract;

/** The smoke programs' one assertion: a failed step names itself. */
final class Check {

    private Check() {
    }

    static void that(boolean condition, String step) {
        if (!condition) {
            throw new AssertionError("step failed: " + step);
        }
        System.out.println("  ok: " + step);
    }
}
