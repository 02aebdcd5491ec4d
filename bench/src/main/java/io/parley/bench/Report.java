package io.parley.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The figures of every scenario side by side (one column each), the machine, and what PostgreSQL waited on. */
final class Report {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total.*used (\\d+)K");

    private Report() {
    }

    static String render(List<Outcome> outcomes, Bench.Settings settings) {
        List<String[]> rows = new ArrayList<>();
        add(rows, outcomes, "scenario", o -> o.scenario().key());
        add(rows, outcomes, "webhooks sent (measured)", o -> Long.toString(o.phase().sent.get()));
        add(rows, outcomes, "durable acks/s", o -> fixed(o.acksPerSecond(), 0));
        add(rows, outcomes, "ack latency p50 / p99 ms", o -> fixed(o.acks().p50(), 1) + " / " + fixed(o.acks().p99(), 1));
        add(rows, outcomes, "completed turns/s", o -> fixed(o.turnsPerSecond(), 0));
        add(rows, outcomes, "webhook→answer p50 / p99 ms", o -> o.replies() == null ? "-"
                : fixed(o.replies().p50(), 0) + " / " + fixed(o.replies().p99(), 0));
        add(rows, outcomes, "answered: reply + coalesced + push / acked", o -> o.scenario().waitReplies()
                ? o.phase().replies.get() + " + " + o.phase().coalesced.get() + " + " + o.phase().pushes.get()
                + " / " + o.phase().acked.get() : "-");
        add(rows, outcomes, "peak turns in LLM at once", o -> o.llmCalls() == 0 ? "-" : Integer.toString(o.usage().maxLlmInFlight()));
        add(rows, outcomes, "peak jobs running / waiting", o -> o.usage().maxJobsRunning() + " / " + o.usage().maxJobsWaiting());
        add(rows, outcomes, "Parley peak RSS MiB (VmHWM)", o -> Long.toString(o.usage().peakRssKib() / 1024));
        add(rows, outcomes, "heap max live after GC MiB", o -> Long.toString(o.heap().maxLiveMib()));
        add(rows, outcomes, "heap peak used / committed MiB", o -> o.heap().peakUsedMib() + " / " + o.heap().committedMib());
        add(rows, outcomes, "heap used at peak load (jcmd)", o -> heapUsed(o.heapInfo()));
        add(rows, outcomes, "GC pauses (full) / total ms", o -> o.heap().pauses() + " (" + o.heap().fullPauses() + ") / "
                + fixed(o.heap().pauseMillis(), 0));
        add(rows, outcomes, "window s", o -> fixed(o.usage().seconds(), 1));
        add(rows, outcomes, "CPU s: parley/postgres/driver/other", o -> fixed(o.usage().parleyCpu(), 0) + "/"
                + fixed(o.usage().databaseCpu(), 0) + "/" + fixed(o.usage().driverCpu(), 0) + "/"
                + fixed(o.usage().otherCpu(), 0));
        add(rows, outcomes, "machine CPU busy %", o -> fixed(100 * o.usage().machineBusy()
                / (o.usage().seconds() * Runtime.getRuntime().availableProcessors()), 0));
        add(rows, outcomes, "DB commits/s", o -> fixed(o.usage().commits() / o.usage().seconds(), 0));
        add(rows, outcomes, "acks per commit", o -> fixed(o.phase().acked.get() / (double) Math.max(1, o.usage().commits()), 2));
        add(rows, outcomes, "LLM calls / loading calls", o -> o.llmCalls() + " / " + o.loadings());
        add(rows, outcomes, "load avg 1m end / max", o -> fixed(o.usage().load(), 2) + " / " + fixed(o.usage().maxLoad(), 2));

        StringBuilder out = new StringBuilder();
        out.append("\nParley benchmark — ").append(ProcStats.machine()).append('\n');
        out.append("parley.jar JVM flags: ").append(String.join(" ", settings.jvmFlags())).append('\n');
        for (Outcome o : outcomes) {
            out.append("  ").append(o.scenario().key()).append(": ").append(o.scenario().title())
                    .append(o.scenario().environment().isEmpty() ? "" : " " + o.scenario().environment()).append('\n');
        }
        out.append('\n').append(table(rows)).append('\n');
        for (Outcome o : outcomes) {
            out.append(o.scenario().key()).append(": ").append(o.errors()).append('\n');
            out.append("  PostgreSQL connections by state/wait, share of samples: ")
                    .append(shares(o.usage().activity(), 8)).append('\n');
            out.append("  active statements, share of samples: ").append(shares(o.usage().statements(), 6)).append('\n');
            o.statements().stream().limit(8).forEach(line -> out.append("  ").append(line, 0,
                    Math.min(line.length(), 190)).append('\n'));
            out.append("  files: ").append(o.directory()).append('\n');
        }
        return out.toString();
    }

    private static void add(List<String[]> rows, List<Outcome> outcomes, String name, Function<Outcome, String> value) {
        String[] row = new String[outcomes.size() + 1];
        row[0] = name;
        for (int i = 0; i < outcomes.size(); i++) {
            row[i + 1] = value.apply(outcomes.get(i));
        }
        rows.add(row);
    }

    private static String table(List<String[]> rows) {
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            out.append("| ");
            for (int i = 0; i < row.length; i++) {
                out.append(i == 0 ? String.format("%-" + widths[i] + "s", row[i])
                        : String.format("%" + widths[i] + "s", row[i])).append(" | ");
            }
            out.setLength(out.length() - 1);
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int i = 0; i < widths.length; i++) {
                    out.append("-".repeat(widths[i] + 1)).append(i == 0 ? "-|" : ":|");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String shares(Map<String, Long> samples, int top) {
        long total = samples.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "-";
        }
        return String.join(", ", samples.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(top)
                .map(e -> e.getKey() + " " + fixed(100.0 * e.getValue() / total, 0) + "%").toList());
    }

    private static String heapUsed(String heapInfo) {
        if (heapInfo == null) {
            return "-";
        }
        Matcher used = HEAP_USED.matcher(heapInfo);
        return used.find() ? Long.parseLong(used.group(1)) / 1024 + " MiB" : "?";
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format("%,." + decimals + "f", value);
    }
}
