package io.parley.bench;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from Parley's {@code -Xlog:gc} file: each pause logs {@code before->after(committed)}. The largest
 * "before" is the most heap ever in use; the largest "after" is the most that was still live after a collection —
 * what must fit under -Xmx. Read from the log instead of polling jcmd, which would cost a JVM start per sample.
 */
record GcLog(long peakUsedMib, long maxLiveMib, long committedMib, int pauses, int fullPauses, double pauseMillis) {

    private static final Pattern PAUSE = Pattern.compile("Pause (\\w+).* (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    static GcLog read(Path file) {
        long peak = 0;
        long live = 0;
        long committed = 0;
        int pauses = 0;
        int full = 0;
        double millis = 0;
        for (String line : ProcStats.lines(file)) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                pauses++;
                if (pause.group(1).equals("Full")) {
                    full++;
                }
                peak = Math.max(peak, Long.parseLong(pause.group(2)));
                live = Math.max(live, Long.parseLong(pause.group(3)));
                committed = Math.max(committed, Long.parseLong(pause.group(4)));
                millis += Double.parseDouble(pause.group(5));
            }
        }
        return new GcLog(peak, live, committed, pauses, full, millis);
    }
}
