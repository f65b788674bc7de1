package io.caseflow.designer.bench;

import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.view.MonitorDialogs;
import io.caseflow.designer.monitor.view.MonitorView;
import io.caseflow.designer.monitor.view.RetryForm;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** What the monitor benchmarks share: a window with the monitor, pulse-gap recording, heap figures. */
final class BenchSupport {
    private BenchSupport() {
    }

    static void startFx() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
    }

    /** Shows the monitor in a 1440 × 900 window, as the app does (FX thread). */
    static MonitorView show(MonitorViewModel vm) {
        MonitorView view = new MonitorView(vm, new MonitorDialogs() {
            @Override
            public boolean confirm(String title, String header, String text, String okLabel) {
                return false;
            }

            @Override
            public Optional<RetryForm.Request> retryWithChanges(String title, RetryForm form) {
                return Optional.empty();
            }

            @Override
            public void error(String title, String message) {
            }
        });
        Stage stage = new Stage();
        Scene scene = new Scene(view, 1440, 900);
        scene.getStylesheets().add(BenchSupport.class.getResource("/io/caseflow/designer/designer.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("caseflow monitor benchmark");
        stage.show();
        return view;
    }

    /** Records the time between FX pulses while {@link #recording} is set. */
    static final class Pulses extends AnimationTimer {
        private double[] gaps = new double[1 << 16];
        private int count;
        private long last;
        volatile boolean recording;
        final AtomicLong pulses = new AtomicLong();
        Runnable eachPulse = () -> { };

        @Override
        public void handle(long now) {
            pulses.incrementAndGet();
            if (recording && last != 0) {
                if (count == gaps.length) {
                    gaps = Arrays.copyOf(gaps, count * 2);
                }
                gaps[count++] = (now - last) / 1e6;
            }
            last = now;
            eachPulse.run();
        }

        /** Sorted gaps recorded so far (FX thread). */
        double[] sorted() {
            double[] out = Arrays.copyOf(gaps, count);
            Arrays.sort(out);
            return out;
        }
    }

    static String describe(double[] sorted) {
        return String.format(Locale.ROOT, "%d pulses, gap p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.length,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    static double heapUsedMb() {
        return MEMORY.getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
    }

    /** Heap in use after a full collection (a few tries, so it settles). */
    static double heapAfterGcMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return heapUsedMb();
    }

    static double maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0;
    }

    static void header(String what) {
        System.out.printf(Locale.ROOT, "%s: %s, JavaFX %s, %d cores, max heap %.0f MB, prism %s%n", what,
                System.getProperty("java.vm.version"), System.getProperty("javafx.version", "21"),
                Runtime.getRuntime().availableProcessors(), maxHeapMb(), System.getProperty("prism.order", "default"));
    }
}
