package io.caseflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measured run, from Linux's {@code /proc}: this JVM, the broker (RabbitMQ's
 * {@code beam.smp}), the database ({@code postgres} processes), everything else, and idle. On 2 cores the runtime,
 * its broker and its database share the same cores, so a rate alone cannot say which of them a transition waits on;
 * the CPU each spends per transition can (issue 14). Elsewhere than Linux nothing is measured.
 */
public final class CpuUsage {
    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ, fixed at 100 for user space on every arch we run on). */
    private static final double TICK_MICROS = 10_000;
    private static final Path PROC = Path.of("/proc");
    private static final String BROKER = "beam.smp";
    private static final String DATABASE = "postgres";

    private CpuUsage() {
    }

    /** CPU time so far, in microseconds: this JVM's, the broker's and the database's, and the whole machine's busy and idle time. */
    public record Sample(long jvm, long broker, long database, long busy, long idle) {
    }

    /** The CPU each party spent between two samples, per unit of work (a transition, a message). */
    public record Split(double jvmMicros, double brokerMicros, double databaseMicros, double otherMicros, double idleShare) {
        /** {@code jvm} names what this JVM ran (the runtime, PerfTest's client); {@code unit} the work divided over. */
        public String describe(String jvm, String unit) {
            return String.format(Locale.ROOT, "%s %.0f, broker %.0f, database %.0f, rest of the machine %.0f microseconds of CPU per %s; "
                    + "machine idle %.0f %%", jvm, jvmMicros, brokerMicros, databaseMicros, otherMicros, unit, 100 * idleShare);
        }
    }

    /** What the machine has spent so far, or empty when this is not Linux (or {@code /proc} is unreadable). */
    public static Optional<Sample> sample() {
        try {
            long[] machine = machineTicks();
            long ownPid = ProcessHandle.current().pid();
            long jvm = 0;
            long broker = 0;
            long database = 0;
            try (Stream<Path> entries = Files.list(PROC)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    String name = entry.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    Optional<ProcessTicks> ticks = processTicks(entry.resolve("stat"));
                    if (ticks.isEmpty()) {
                        continue; // exited while we listed
                    }
                    if (Long.parseLong(name) == ownPid) {
                        jvm += ticks.get().ticks();
                    } else if (ticks.get().command().equals(BROKER)) {
                        broker += ticks.get().ticks();
                    } else if (ticks.get().command().equals(DATABASE)) {
                        database += ticks.get().ticks();
                    }
                }
            }
            return Optional.of(new Sample(micros(jvm), micros(broker), micros(database), micros(machine[0]), micros(machine[1])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The CPU spent from {@code before} to {@code after}, divided over {@code units} of work; empty if either is. */
    public static Optional<Split> between(Optional<Sample> before, Optional<Sample> after, long units) {
        if (before.isEmpty() || after.isEmpty() || units <= 0) {
            return Optional.empty();
        }
        Sample a = before.get();
        Sample b = after.get();
        long jvm = b.jvm() - a.jvm();
        long broker = b.broker() - a.broker();
        long database = b.database() - a.database();
        long busy = b.busy() - a.busy();
        long idle = b.idle() - a.idle();
        // A process that exited in between takes its ticks with it, so the rest is never counted below zero.
        long other = Math.max(0, busy - jvm - broker - database);
        double perUnit = units;
        return Optional.of(new Split(jvm / perUnit, broker / perUnit, database / perUnit, other / perUnit,
                busy + idle == 0 ? 0 : (double) idle / (busy + idle)));
    }

    private record ProcessTicks(String command, long ticks) {
    }

    /** {@code /proc/<pid>/stat}: the command sits in parentheses (it may hold spaces), user and system time after it. */
    private static Optional<ProcessTicks> processTicks(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            return Optional.empty();
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] fields = line.substring(close + 2).split(" ");
        // After the command: state is field 3 of proc(5), utime 14 and stime 15.
        if (fields.length < 13) {
            return Optional.empty();
        }
        return Optional.of(new ProcessTicks(line.substring(open + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
    }

    /** The first line of {@code /proc/stat}: busy and idle (idle plus I/O wait) ticks of all cores together. */
    private static long[] machineTicks() throws IOException {
        List<String> lines = Files.readAllLines(PROC.resolve("stat"));
        String[] fields = lines.get(0).trim().split("\\s+");
        if (!fields[0].equals("cpu")) {
            throw new IOException("/proc/stat does not start with the cpu line");
        }
        long busy = 0;
        long idle = 0;
        // user nice system idle iowait irq softirq steal; guest time is already inside user. Steal (the host running
        // another guest) counts as busy, so a noisy neighbour shows as the rest of the machine.
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            long ticks = Long.parseLong(fields[i]);
            if (i == 4 || i == 5) {
                idle += ticks;
            } else {
                busy += ticks;
            }
        }
        return new long[] {busy, idle};
    }

    private static long micros(long ticks) {
        return Math.round(ticks * TICK_MICROS);
    }
}
