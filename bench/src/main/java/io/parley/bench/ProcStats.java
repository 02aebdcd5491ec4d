package io.parley.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Linux /proc readings: memory high-water marks, CPU time of a process (tree), the machine's CPU and load. */
final class ProcStats {

    /** USER_HZ: the unit of /proc/[pid]/stat times on every Linux of interest. */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    static boolean alive(long pid) {
        String[] stat = stat(pid);
        return stat != null && !stat[0].equals("Z");
    }

    /** A {@code Vm*} field of /proc/[pid]/status in KiB (VmHWM = peak RSS, VmRSS = current); -1 if unreadable. */
    static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** User + system CPU ticks of a process; with {@code reaped}, also those of its waited-for children. */
    static long cpuTicks(long pid, boolean reaped) {
        String[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return reaped ? ticks + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : ticks;
    }

    /**
     * CPU ticks of a PostgreSQL server: the postmaster, what it reaped of exited backends, and its live children.
     * Differences of two readings are the server's CPU time in between.
     */
    static long treeTicks(long root) {
        long ticks = cpuTicks(root, true);
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                String[] stat = stat(pid);
                if (stat != null && Long.parseLong(stat[1]) == root) {
                    ticks += cpuTicks(pid, false);
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** Busy and total ticks of the whole machine (all CPUs), from the first line of /proc/stat. */
    static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) { // user … steal; guest is already in user
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The 1-minute load average. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static String machine() {
        String model = "?";
        long memoryKib = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memoryKib = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // leave unknown
        }
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + model + "), "
                + String.format("%.1f GiB RAM", memoryKib / 1024.0 / 1024.0) + ", " + System.getProperty("os.name")
                + " " + System.getProperty("os.version") + ", Java " + Runtime.version();
    }

    /** Fields of /proc/[pid]/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime, … */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
