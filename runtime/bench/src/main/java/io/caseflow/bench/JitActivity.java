package io.caseflow.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How busy the JIT compiler has been: the compile time it reports over the wall time since the last mark. On this
 * project's 2-core machine the C2 compiler took half a core or more for the first 40 s of a benchmark (H2, Jackson
 * and the engine are a lot of code), so a run measured before it settles measures the compiler.
 */
final class JitActivity {
    /** Below this share of the wall time the compiler counts as quiet. */
    static final double QUIET_SHARE = 0.05;

    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private long compileMillis = compileMillis();
    private long wallNanos = System.nanoTime();

    /** Whether the JVM reports compile time at all; without it every share is 0. */
    boolean measurable() {
        return compiler != null && compiler.isCompilationTimeMonitoringSupported();
    }

    /** The compiler's time since the last call (or since creation) over the wall time, then marks again. */
    double shareSinceMark() {
        long compile = compileMillis();
        long wall = System.nanoTime();
        double share = wall == wallNanos ? 0 : (compile - compileMillis) / ((wall - wallNanos) / 1e6);
        compileMillis = compile;
        wallNanos = wall;
        return share;
    }

    private long compileMillis() {
        return measurable() ? compiler.getTotalCompilationTime() : 0;
    }
}
