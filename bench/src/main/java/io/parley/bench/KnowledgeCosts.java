package io.parley.bench;

import java.util.List;

/**
 * The knowledge benchmark's phases against the in-run ceilings and in CPU (bench/README.md, "Knowledge indexing"
 * and "In-run ceilings"): turns per second and as a share of the durability ceiling, CPU per turn of Parley and of
 * its PostgreSQL, what the rest of the machine used (other helpers' builds share it) and the load average; and the
 * CPU the indexing itself cost — the phase's CPU beyond its turns at the "before" phase's cost per turn.
 */
final class KnowledgeCosts {

    private KnowledgeCosts() {
    }

    static String render(double durable, List<String> names, List<Phase> phases, List<Monitor.Usage> usages) {
        StringBuilder out = new StringBuilder(String.format("%nIn-run ceilings: durability %s commits/s (HTTP "
                + "ceiling not measured: this scenario is about reply latency, not acks)%n", CeilingReport.fixed(durable, 0)));
        out.append(String.format("%-16s %7s %8s %12s %14s %14s %10s %12s%n", "phase", "s", "turns/s",
                "÷ durability", "parley ms/turn", "postgres ms/t", "other CPU s", "load avg max"));
        for (int i = 0; i < phases.size(); i++) {
            Monitor.Usage usage = usages.get(i);
            long answered = phases.get(i).answered();
            double turns = answered / usage.seconds();
            out.append(String.format("%-16s %7.1f %8.1f %12s %14s %14s %10.1f %12.2f%n", names.get(i),
                    usage.seconds(), turns, CeilingReport.fixed(turns / durable, 4), CeilingReport.fixed(perTurn(usage.parleyCpu(), answered), 2),
                    CeilingReport.fixed(perTurn(usage.databaseCpu(), answered), 2), usage.otherCpu(), usage.maxLoad()));
        }
        Monitor.Usage before = usages.getFirst();
        Monitor.Usage during = usages.get(1);
        long beforeTurns = phases.getFirst().answered();
        long duringTurns = phases.get(1).answered();
        if (beforeTurns > 0) {
            double parley = during.parleyCpu() - duringTurns * before.parleyCpu() / beforeTurns;
            double database = during.databaseCpu() - duringTurns * before.databaseCpu() / beforeTurns;
            out.append(String.format("indexing's own CPU (while-indexing CPU beyond its turns at the before cost): "
                    + "parley %.1f s, postgres %.1f s over %.1f s%n", parley, database, during.seconds()));
        }
        return out.toString();
    }

    private static double perTurn(double cpuSeconds, long turns) {
        return turns == 0 ? Double.NaN : cpuSeconds * 1000 / turns;
    }
}
