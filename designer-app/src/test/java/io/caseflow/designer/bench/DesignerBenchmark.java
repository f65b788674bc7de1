package io.caseflow.designer.bench;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.designer.canvas.CaseCanvas;
import io.caseflow.designer.canvas.Viewport;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.editor.HitTester;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.layout.AutoLayout;
import io.caseflow.designer.problems.ProblemsViewModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Measures what a user waits for with a big case: reading the file, validating, routing, laying
 * out with ELK (cold: first use in the JVM, and warm), and the gaps between FX pulses while the
 * canvas is panned and zoomed programmatically (software rendering here; a GPU does better).
 *
 * <pre>
 * xvfb-run -a mvn -q -pl designer-app test-compile exec:exec@bench -Ddesigner.main=io.caseflow.designer.bench.DesignerBenchmark -Ddesigner.args="--stages=500"
 * (add --cold to skip the start-up warm-up the app does, --seconds=N for a longer pan/zoom run, --warmup-seconds=N to
 * pan and zoom unmeasured first (default 20), --smooth-zoom
 * to change the zoom every frame instead of by wheel notches)
 * </pre>
 * Targets: 500 stages load + layout under 1 s; p99 pulse gap under 50 ms.
 */
public final class DesignerBenchmark {
    private DesignerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int stages = 500;
        double seconds = 6;
        boolean cold = false;
        boolean smoothZoom = false;
        double warmupSeconds = 20;
        for (String a : args) {
            if (a.startsWith("--stages=")) {
                stages = Integer.parseInt(a.substring(9));
            } else if (a.equals("--cold")) {
                cold = true;
            } else if (a.equals("--smooth-zoom")) {
                smoothZoom = true;
            } else if (a.startsWith("--seconds=")) {
                seconds = Double.parseDouble(a.substring(10));
            } else if (a.startsWith("--warmup-seconds=")) {
                warmupSeconds = Double.parseDouble(a.substring(17));
            }
        }
        System.out.printf(Locale.ROOT, "caseflow designer benchmark: %d stages, %s, %d cores%n", stages,
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors());
        String json = DefinitionJson.write(GeneratedCases.generate(stages, 42));
        if (!cold) {
            // What the app does in the background at start-up: lay out the sample once (see DesignerApp).
            long w = System.nanoTime();
            AutoLayout.compute(io.caseflow.samples.BusinessCase1.definition());
            System.out.printf(Locale.ROOT, "start-up warm-up (the app lays out the sample in the background): %.1f ms%n", ms(System.nanoTime() - w));
        }

        long t0 = System.nanoTime();
        CaseDefinition loaded = DefinitionJson.read(json, "generated.case.json");
        long t1 = System.nanoTime();
        ProblemsViewModel problems = new ProblemsViewModel();
        problems.validate(loaded, "generated.case.json", List.of());
        long t2 = System.nanoTime();
        HitTester.of(loaded);
        long t3 = System.nanoTime();
        CaseDefinition laidOut = Edits.layout(AutoLayout.compute(loaded)).apply(loaded);
        long t4 = System.nanoTime();
        System.out.printf(Locale.ROOT, (cold ? "first run, cold JVM, no warm-up" : "first big case after start-up") + ": read %.1f ms, validate %.1f ms, route %.1f ms, ELK layout %.1f ms"
                        + " -> load + layout %.1f ms%n", ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t4 - t0));

        List<Double> warm = new ArrayList<>();
        List<Double> warmLayout = new ArrayList<>();
        List<Double> warmValidate = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long a = System.nanoTime();
            CaseDefinition d = DefinitionJson.read(json, "generated.case.json");
            long b = System.nanoTime();
            problems.validate(d, "generated.case.json", List.of());
            long c = System.nanoTime();
            HitTester.of(d);
            long e = System.nanoTime();
            Edits.layout(AutoLayout.compute(d)).apply(d);
            long f = System.nanoTime();
            warm.add(ms(f - a));
            warmLayout.add(ms(f - e));
            warmValidate.add(ms(c - b));
        }
        System.out.printf(Locale.ROOT, "warm (median of 5): load + layout %.1f ms (ELK %.1f ms, validate %.2f ms)%n",
                median(warm), median(warmLayout), median(warmValidate));

        PulseWork work = PulseWork.enabled() ? PulseWork.install() : null;
        double[] gaps = pulses(laidOut, seconds, warmupSeconds, smoothZoom, work);
        Arrays.sort(gaps);
        System.out.printf(Locale.ROOT, "panning/zooming %d stages for %.0f s after %.0f s unmeasured: %d pulses, gap p50 %.1f ms, p95 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms (prism %s)%n", stages, seconds, warmupSeconds, gaps.length, pct(gaps, 50), pct(gaps, 95),
                pct(gaps, 99),
                gaps.length == 0 ? 0 : gaps[gaps.length - 1], System.getProperty("prism.order", "default"));
        System.out.println(work != null ? work.describe()
                : "pulse work: run with -Ddesigner.jvm=-Djavafx.pulseLogger=true to measure each pulse's own time");
        System.out.printf(Locale.ROOT, "frames that missed a vsync (gap > 25 ms): %d of %d%n",
                Arrays.stream(gaps).filter(g -> g > 25).count(), gaps.length);
        System.out.printf(Locale.ROOT, "targets: load + layout < 1000 ms (first %s, warm %s); p99 pulse gap < 50 ms (%s)%n",
                ms(t4 - t0) < 1000 ? "met" : "MISSED", median(warm) < 1000 ? "met" : "MISSED", pct(gaps, 99) < 50 ? "met" : "MISSED");
        Platform.exit();
        System.exit(0);
    }

    /**
     * Pans and zooms for {@code warmupSeconds} unmeasured (the JIT compiles the drawing code meanwhile: 6 s runs from a
     * cold start had p99 gaps of 40-120 ms, 40 s runs 26 ms), then records the gaps between pulses for {@code seconds}.
     */
    private static double[] pulses(CaseDefinition definition, double seconds, double warmupSeconds, boolean smoothZoom,
                                   PulseWork work) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        List<Double> gaps = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            CaseDocument document = CaseDocument.untitled(definition);
            CaseCanvas canvas = new CaseCanvas(document);
            Stage stage = new Stage();
            stage.setScene(new Scene(canvas, 1440, 900));
            stage.show();
            canvas.actualSize();
            PanRoute route = new PanRoute(definition);
            System.out.printf(Locale.ROOT, "pan route: across the case, corner to corner, %.0f model units in %.0f s; zoom %s%n",
                    route.length(), seconds, smoothZoom ? "changed every frame (--smooth-zoom)" : "by wheel notches, 4 a second");
            new AnimationTimer() {
                private final long measureFrom = (long) (warmupSeconds * 1e9) + 500_000_000L;
                private long first;
                private long last;
                private int frame;

                @Override
                public void handle(long now) {
                    if (first == 0) {
                        first = now;
                    } else if (now - first > measureFrom) {
                        gaps.add((now - last) / 1e6);
                        if (work != null) {
                            work.recording = true;
                        }
                    }
                    last = now;
                    frame++;
                    double t = (now - first) / 1e9;
                    // Pan across the whole case, zooming between 30 % and 120 %: by wheel notches as the canvas
                    // zooms (Viewport.STEP, four a second), or with --smooth-zoom a new scale every frame.
                    double scale = smoothZoom ? 0.75 + 0.45 * Math.sin(t * 1.3) : wheelScale(t);
                    Point centre = route.at((t % seconds) / seconds); // the route again, from its start, after the warm-up
                    canvas.viewport().set(scale, 720 - centre.x() * scale, 450 - centre.y() * scale);
                    if (now - first > measureFrom + (long) (seconds * 1e9)) {
                        if (work != null) {
                            work.recording = false;
                        }
                        stop();
                        stage.hide();
                        done.countDown();
                    }
                }
            }.start();
        });
        done.await((long) (seconds + warmupSeconds) + 60, TimeUnit.SECONDS);
        return gaps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** 30 % zoomed in notch by notch to 130 % and out again, a notch every 250 ms. */
    private static double wheelScale(double seconds) {
        int notch = (int) (seconds / 0.25) % 16;
        return 0.3 * Math.pow(Viewport.STEP, notch <= 8 ? notch : 16 - notch);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
