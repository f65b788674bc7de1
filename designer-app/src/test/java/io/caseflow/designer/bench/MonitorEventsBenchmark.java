package io.caseflow.designer.bench;

import io.caseflow.designer.app.FxUiExecutor;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.source.InMemoryMonitorSource;
import io.caseflow.designer.monitor.view.MonitorView;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.samples.BusinessCase1;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Feeds live events into the monitor at a set rate (default 10,000 transitions per second for 60 s,
 * in batches every 10 ms, over 20,000 processes shown in the table plus those that start meanwhile)
 * and measures what the user feels, after 20 s fed unmeasured (--warmup-seconds=N): the gaps between FX pulses (target p99 under 50 ms), the UI
 * thread's time per tick, and the heap. The source is in memory: the runtime on this machine would
 * be the bottleneck long before the monitor.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1440x900x24" mvn -q -pl designer-app test-compile exec:exec@bench \
 *     -Ddesigner.main=io.caseflow.designer.bench.MonitorEventsBenchmark -Ddesigner.args="--rate=10000 --seconds=60"
 * </pre>
 */
public final class MonitorEventsBenchmark {
    private MonitorEventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 10_000;
        int seconds = 60;
        int processes = 20_000;
        int warmupSeconds = 20;
        for (String a : args) {
            if (a.startsWith("--rate=")) {
                rate = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--seconds=")) {
                seconds = Integer.parseInt(a.substring(10));
            } else if (a.startsWith("--processes=")) {
                processes = Integer.parseInt(a.substring(12));
            } else if (a.startsWith("--warmup-seconds=")) {
                warmupSeconds = Integer.parseInt(a.substring(17));
            }
        }
        BenchSupport.header("caseflow monitor, live events benchmark");
        ExecutorService io = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-source");
            t.setDaemon(true);
            return t;
        });
        InMemoryMonitorSource source = new InMemoryMonitorSource(io, Clock.systemUTC());
        source.deploy(BusinessCase1.definition().withVersion(1));
        List<ProcessSnapshot> seeded = SimulatedTraffic.seed(source, processes);
        PulseWork work = PulseWork.enabled() ? PulseWork.install() : null;
        BenchSupport.startFx();
        BenchSupport.Pulses pulses = new BenchSupport.Pulses();
        CompletableFuture<MonitorView> shown = new CompletableFuture<>();
        int pageSize = 1000;
        Platform.runLater(() -> {
            UiExecutor ui = new FxUiExecutor();
            MonitorViewModel vm = new MonitorViewModel(source, ui, Clock.systemUTC());
            vm.table().setPageSize(pageSize);
            MonitorView view = BenchSupport.show(vm);
            vm.start();
            pulses.start();
            shown.complete(view);
        });
        MonitorView view = shown.get(30, TimeUnit.SECONDS);
        MonitorViewModel vm = view.viewModel();
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        Platform.runLater(() -> vm.table().loadAll().whenComplete((r, e) -> loaded.complete(null)));
        loaded.get(120, TimeUnit.SECONDS);
        int rows = onFx(() -> vm.table().items().size());
        System.out.printf(Locale.ROOT, "table loaded: %,d rows; heap after GC %.0f MB%n", rows, BenchSupport.heapAfterGcMb());

        SimulatedTraffic traffic = new SimulatedTraffic(source, seeded, rate);
        Thread feeder = new Thread(traffic, "bench-feeder");
        feeder.setDaemon(true);
        feeder.start();
        // Fed but not measured first: the JIT compiles the monitor's code meanwhile (a few seconds of warm-up left the
        // compiler's pauses in the measured pulses).
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
        long ticks0 = onFx(vm::ticks);
        long received0 = vm.buffer().receivedTotal();
        long emitted0 = traffic.emitted.get();
        pulses.recording = true;
        if (work != null) {
            work.recording = true;
        }
        double peakHeap = 0;
        long start = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            peakHeap = Math.max(peakHeap, BenchSupport.heapUsedMb());
        }
        pulses.recording = false;
        if (work != null) {
            work.recording = false;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        traffic.stop();
        feeder.join();
        long emitted = traffic.emitted.get() - emitted0;
        long received = vm.buffer().receivedTotal() - received0;
        long ticks = onFx(vm::ticks) - ticks0;
        double[] gaps = onFx(pulses::sorted);
        int rowsAfter = onFx(() -> vm.table().items().size());
        System.out.printf(Locale.ROOT, "fed %,d events in %.1f s (%,.0f events/s) over %,d processes; the monitor received %,d,"
                        + " drained them in %,d ticks (%,.0f events per tick)%n", emitted, elapsed, emitted / elapsed, processes, received,
                ticks, ticks == 0 ? 0 : received / (double) ticks);
        System.out.printf(Locale.ROOT, "UI thread per tick: mean %.2f ms, max %.1f ms (all ticks of the run); %,d counts reads, "
                        + "%d gaps re-read; table %,d rows at the end%n", onFx(vm::meanTickMillis), onFx(vm::maxTickMillis),
                onFx(() -> vm.counts().reads()), onFx(vm::rereads), rowsAfter);
        System.out.println("FX pulses while fed (after " + warmupSeconds + " s fed unmeasured): " + BenchSupport.describe(gaps));
        System.out.println(work != null ? work.describe()
                : "pulse work: run with -Ddesigner.jvm=-Djavafx.pulseLogger=true to measure each pulse's own time");
        double after = BenchSupport.heapAfterGcMb();
        System.out.printf(Locale.ROOT, "heap: peak in use %.0f MB (sampled each second), %.0f MB after GC at the end%n", peakHeap, after);
        System.out.printf(Locale.ROOT, "target: p99 pulse gap < 50 ms: %s%n", BenchSupport.pct(gaps, 99) < 50 ? "met" : "MISSED");
        Platform.runLater(() -> {
            pulses.stop();
            view.close();
            Platform.exit();
        });
        io.shutdownNow();
        Thread.sleep(300);
        System.exit(0);
    }

    static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(read.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
