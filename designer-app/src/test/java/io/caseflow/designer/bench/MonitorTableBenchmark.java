package io.caseflow.designer.bench;

import io.caseflow.designer.app.FxUiExecutor;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.source.InMemoryMonitorSource;
import io.caseflow.designer.monitor.view.MonitorView;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.process.ProcessQuery;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Loads 100,000 processes into the monitor's table (page after page from the source, as "Load all"
 * does), reports the time and the heap (target under 500 MB), then scrolls the table for a while,
 * steadily and with jumps as a dragged scroll bar makes them, while live events keep arriving,
 * and reports the gaps between FX pulses.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1440x900x24" mvn -q -pl designer-app test-compile exec:exec@bench \
 *     -Ddesigner.main=io.caseflow.designer.bench.MonitorTableBenchmark -Ddesigner.args="--processes=100000 --seconds=20"
 * </pre>
 */
public final class MonitorTableBenchmark {
    private MonitorTableBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int processes = 100_000;
        int seconds = 20;
        int rate = 1_000;
        for (String a : args) {
            if (a.startsWith("--processes=")) {
                processes = Integer.parseInt(a.substring(12));
            } else if (a.startsWith("--seconds=")) {
                seconds = Integer.parseInt(a.substring(10));
            } else if (a.startsWith("--rate=")) {
                rate = Integer.parseInt(a.substring(7));
            }
        }
        BenchSupport.header("caseflow monitor, big table benchmark");
        double base = BenchSupport.heapAfterGcMb();
        ExecutorService io = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-source");
            t.setDaemon(true);
            return t;
        });
        InMemoryMonitorSource source = new InMemoryMonitorSource(io, Clock.systemUTC());
        source.deploy(BusinessCase1.definition().withVersion(1));
        List<ProcessSnapshot> seeded = SimulatedTraffic.seed(source, processes);
        double withStore = BenchSupport.heapAfterGcMb();
        System.out.printf(Locale.ROOT, "in-memory store of %,d processes (snapshots with data; stands in for the database): %.0f MB%n",
                processes, withStore - base);

        BenchSupport.startFx();
        BenchSupport.Pulses pulses = new BenchSupport.Pulses();
        CompletableFuture<MonitorView> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            MonitorViewModel vm = new MonitorViewModel(source, new FxUiExecutor(), Clock.systemUTC());
            vm.table().setPageSize(ProcessQuery.MAX_LIMIT);
            MonitorView view = BenchSupport.show(vm);
            vm.start();
            pulses.start();
            shown.complete(view);
        });
        MonitorView view = shown.get(30, TimeUnit.SECONDS);
        MonitorViewModel vm = view.viewModel();
        Thread.sleep(1500);
        double beforeLoad = BenchSupport.heapAfterGcMb();
        long t0 = System.nanoTime();
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        Platform.runLater(() -> vm.table().loadAll().whenComplete((r, e) -> {
            if (e != null) {
                loaded.completeExceptionally(e);
            } else {
                loaded.complete(null);
            }
        }));
        loaded.get(300, TimeUnit.SECONDS);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        int rows = MonitorEventsBenchmark.onFx(() -> vm.table().items().size());
        double afterLoad = BenchSupport.heapAfterGcMb();
        System.out.printf(Locale.ROOT, "loaded %,d rows into the table in %.1f s (%d pages of %d)%n", rows, loadSeconds,
                (rows + 999) / 1000, 1000);
        System.out.printf(Locale.ROOT, "heap after GC: %.0f MB in all (the table's %,d rows: %.0f MB; the UI before loading: %.0f MB;"
                + " the simulated store: %.0f MB)%n", afterLoad, rows, afterLoad - beforeLoad, beforeLoad - withStore, withStore - base);

        SimulatedTraffic traffic = new SimulatedTraffic(source, seeded, rate);
        Thread feeder = new Thread(traffic, "bench-feeder");
        feeder.setDaemon(true);
        feeder.start();
        SplittableRandom random = new SplittableRandom(3);
        long[] started = {0};
        double[] direction = {1};
        VirtualFlow<?> flow = MonitorEventsBenchmark.onFx(() -> (VirtualFlow<?>) view.lookup("#processTable").lookup(".virtual-flow"));
        pulses.eachPulse = () -> {
            if (!pulses.recording) {
                return;
            }
            long now = System.nanoTime();
            if (started[0] == 0) {
                started[0] = now;
            }
            double t = (now - started[0]) / 1e9;
            if ((long) (t * 2) % 8 == 7) {
                // Like dragging the scroll bar's thumb: a jump to anywhere in the list.
                flow.scrollTo(random.nextInt(rows));
            } else {
                double moved = flow.scrollPixels(direction[0] * 60);
                if (Math.abs(moved) < 1) {
                    direction[0] = -direction[0];
                }
            }
        };
        pulses.recording = true;
        double peak = 0;
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            peak = Math.max(peak, BenchSupport.heapUsedMb());
        }
        pulses.recording = false;
        traffic.stop();
        double[] gaps = MonitorEventsBenchmark.onFx(pulses::sorted);
        System.out.printf(Locale.ROOT, "scrolling %,d rows for %d s (60 px per pulse, a jump every 4 s) with %,d live events/s: %s%n",
                rows, seconds, rate, BenchSupport.describe(gaps));
        double end = BenchSupport.heapAfterGcMb();
        System.out.printf(Locale.ROOT, "heap: peak in use %.0f MB while scrolling, %.0f MB after GC at the end%n", peak, end);
        System.out.printf(Locale.ROOT, "targets: heap < 500 MB (%s); p99 pulse gap while scrolling < 50 ms (%s)%n",
                Math.max(afterLoad, end) < 500 ? "met" : "MISSED", BenchSupport.pct(gaps, 99) < 50 ? "met" : "MISSED");
        Platform.runLater(() -> {
            pulses.stop();
            view.close();
            Platform.exit();
        });
        io.shutdownNow();
        Thread.sleep(300);
        System.exit(0);
    }
}
