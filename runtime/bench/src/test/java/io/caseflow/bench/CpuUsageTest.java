package io.caseflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CPU split the benchmarks print, read from this machine's real {@code /proc} (the CI machine is Linux). */
class CpuUsageTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void cpu_this_jvm_burns_is_counted_as_this_jvm_and_divided_over_the_units_of_work() {
        Optional<CpuUsage.Sample> before = CpuUsage.sample();
        assertThat(before).as("/proc is readable on Linux").isPresent();
        long burnedNanos = burn(300_000_000L);
        Optional<CpuUsage.Sample> after = CpuUsage.sample();

        CpuUsage.Split whole = CpuUsage.between(before, after, 1).orElseThrow();
        // Clock ticks of 10 ms: the JVM's own count holds at least what this thread burned, less a tick at each end.
        assertThat(whole.jvmMicros()).isGreaterThanOrEqualTo(burnedNanos / 1_000.0 - 20_000);
        assertThat(whole.idleShare()).isBetween(0.0, 1.0);
        assertThat(whole.brokerMicros()).isNotNegative();
        assertThat(whole.databaseMicros()).isNotNegative();
        assertThat(whole.otherMicros()).isNotNegative();

        CpuUsage.Split perThousand = CpuUsage.between(before, after, 1_000).orElseThrow();
        assertThat(perThousand.jvmMicros()).isCloseTo(whole.jvmMicros() / 1_000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(perThousand.describe("caseflow (this JVM)", "transition"))
                .matches("caseflow \\(this JVM\\) \\d+, broker \\d+, database \\d+, rest of the machine \\d+ microseconds of CPU per transition; "
                        + "machine idle \\d+ %");
    }

    @Test
    void nothing_is_divided_without_both_samples_or_without_work() {
        Optional<CpuUsage.Sample> now = CpuUsage.sample();
        assertThat(CpuUsage.between(Optional.empty(), now, 10)).isEmpty();
        assertThat(CpuUsage.between(now, Optional.empty(), 10)).isEmpty();
        assertThat(CpuUsage.between(now, now, 0)).isEmpty();
    }

    /** Spins this thread until it has used {@code nanos} of CPU; returns the CPU it used. */
    private static long burn(long nanos) {
        assertThat(THREADS.isCurrentThreadCpuTimeSupported()).isTrue();
        long start = THREADS.getCurrentThreadCpuTime();
        long wallLimit = System.nanoTime() + 10_000_000_000L; // on a machine too busy to give us the CPU, stop anyway
        long sum = 0;
        while (THREADS.getCurrentThreadCpuTime() - start < nanos && System.nanoTime() < wallLimit) {
            for (int i = 0; i < 100_000; i++) {
                sum += i * 31L ^ sum;
            }
        }
        sink = sum; // keeps the loop from being optimised away
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    private static volatile long sink;
}
