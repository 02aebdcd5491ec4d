package io.parley.app.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text exposition, read back: the sum of a metric's series whose labels include the given ones. */
record Scrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The summed value; fails when no series of {@code metric} has {@code labels}. */
    double value(String metric, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(metric)) {
                continue;
            }
            Map<String, String> has = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    has.put(label.group(1), label.group(2));
                }
            }
            if (has.entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(4));
                found = true;
            }
        }
        if (!found) {
            throw new AssertionError("no series " + metric + labels + " in the scrape; it has "
                    + text.lines().filter(line -> !line.startsWith("#")).map(line -> line.split("[{ ]")[0])
                    .distinct().sorted().toList());
        }
        return sum;
    }

    /** Every series line of {@code metric}. */
    List<String> series(String metric) {
        return text.lines().filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " ")).toList();
    }
}
