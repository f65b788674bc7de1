package io.caseflow.samples.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.perf.PerfTest;
import io.caseflow.bench.CaseBenchmark;
import io.caseflow.bench.CpuUsage;
import io.caseflow.store.Database;
import io.caseflow.testing.ExternalServices;
import io.caseflow.testing.TempFolders;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * caseflow on RabbitMQ against RabbitMQ itself, on this machine, in one run: RabbitMQ PerfTest's raw
 * throughput for persistent messages with confirms and manual acks (1 producer, 1 consumer, quorum
 * queue), then caseflow's stage transitions/s and stage-to-stage latency on RabbitMQ + PostgreSQL and
 * RabbitMQ + H2 with 1 and 2 worker threads, then PerfTest again. Each caseflow transition costs at least one such
 * message (published with a confirm, consumed, acknowledged) plus a durable commit, so the ratio says how much
 * of the broker's capacity a transition uses; the CPU each of the JVM, the broker and the database spent per
 * transition (and PerfTest's per message) says where the rest goes, on a machine where all three share the cores.
 *
 * <p>Run: {@code mvn -q -B install -DskipTests && mvn -q -pl samples exec:java@broker-bench}
 * ({@code -Dbench.processes=1000 -Dbench.seconds=15 -Dbench.warmupUntilQuiet=120}: after its warm-up processes each run
 * warms in rounds until the JIT compiler is quiet, for at most that many seconds; 0 turns that off;
 * {@code -Dbench.stores=PostgreSQL,H2 -Dbench.threads=1,2} choose the rows, for before/after runs of one row;
 * {@code -Dbench.payloadBytes=16384 -Dbench.payloadShape=DOCUMENT} make processes carry what {@code caseflow bench}'s
 * payload options do, for the flat-cost rows on RabbitMQ).
 */
public final class BrokerBenchmark {
    private static final Pattern RECEIVING = Pattern.compile("receiving rate avg: (\\d+) msg/s");
    private static final int PERF_TEST_WARM_UP_SECONDS = 5;

    private BrokerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int processes = Integer.getInteger("bench.processes", 1000);
        int seconds = Integer.getInteger("bench.seconds", 15);
        // Warm until the JIT compiler is quiet: on 2 cores it takes half a core for the first 40 s or so (see caseflow bench).
        Duration warmUntilQuiet = Duration.ofSeconds(Integer.getInteger("bench.warmupUntilQuiet", 120));
        String uri = ExternalServices.RABBITMQ_URI;
        CaseBenchmark.Payload payload = payload();
        System.out.printf(Locale.ROOT, "caseflow broker benchmark: %d cores, Java %s, RabbitMQ at %s, 10-stage linear case, %,d processes per run%n"
                        + "payload: %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                RabbitSettings.defaults(uri).redactedUri(), processes, payload.describe());

        // Unmeasured first: in a fresh JVM PerfTest's client took 96 µs of CPU per message against 34 once compiled, and
        // on 2 cores that CPU is the broker's.
        perfTestRate(uri, PERF_TEST_WARM_UP_SECONDS);
        double rawBefore = perfTest(uri, seconds, "before the caseflow runs");

        List<Map.Entry<String, CaseBenchmark.Result>> rows = new ArrayList<>();
        for (String store : List.of(System.getProperty("bench.stores", "PostgreSQL,H2").split(","))) {
            if (!store.equals("PostgreSQL") && !store.equals("H2")) {
                throw new IllegalArgumentException("bench.stores: '" + store + "' is neither PostgreSQL nor H2");
            }
            for (String threadCount : System.getProperty("bench.threads", "1,2").split(",")) {
                int threads = threadCount(threadCount.trim());
                deleteBenchQueues(uri);
                Path dir = store.equals("H2") ? Files.createTempDirectory("caseflow-broker-bench") : null;
                String jdbc = dir != null ? Database.h2File(dir.resolve("bench")) : ExternalServices.freshPostgresSchema();
                RabbitSettings settings = RabbitSettings.defaults(uri).withConnectionName("caseflow-bench");
                // 2,000 held twice for the heap figure: on RabbitMQ they wait in the broker, and more would only lengthen the run.
                CaseBenchmark.Result result = new CaseBenchmark(payload).heapProcesses(2_000).warmUntilJitQuiet(warmUntilQuiet).run(builder -> builder.installation(ExternalServices.testInstallation())
                        .jdbcUrl(jdbc).transport((installation, outbox, clock, meters) -> new RabbitTransport(settings, installation, outbox, clock,
                                meters)),
                        processes, 10, threads, Math.min(200, processes / 5));
                System.out.printf(Locale.ROOT, "%ncaseflow on RabbitMQ + %s, %d worker thread(s):%n%s%n  ratio to the first PerfTest: %.2f "
                                + "(transitions/s per raw msg/s)%n", store, threads, result.describe(), result.transitionsPerSecond() / rawBefore);
                rows.add(Map.entry(store, result));
                if (dir != null) {
                    TempFolders.deleteQuietly(dir); // the run's H2 file: up to 700 MB, left in /tmp before
                }
            }
        }
        deleteBenchQueues(uri);
        // PerfTest alone moved by a third from one run to the next on this machine: measured on both sides of the caseflow
        // rows, the ratio is taken against the mean, and a drift between the two is said rather than hidden.
        double rawAfter = perfTest(uri, seconds, "after the caseflow runs");
        double raw = (rawBefore + rawAfter) / 2;
        System.out.printf(Locale.ROOT, "%nPerfTest before %,.0f and after %,.0f msg/s: the ratios below are to their mean, %,.0f%s%n",
                rawBefore, rawAfter, raw, Math.abs(rawBefore - rawAfter) > 0.2 * raw
                        ? " (they differ by more than 20 %: the machine's speed drifted during the benchmark)" : "");
        System.out.printf(Locale.ROOT, "%n%s", CaseBenchmark.Result.table(rows, raw));
        System.exit(0);
    }

    /**
     * What each process carries, as {@code caseflow bench} takes it: {@code bench.payloadBytes} for the input, every
     * result and the free data, {@code bench.inputBytes}, {@code bench.resultBytes} and {@code bench.dataBytes} for
     * one of them, and {@code bench.payloadShape} (TEXT or DOCUMENT).
     */
    private static CaseBenchmark.Payload payload() {
        int each = bytesProperty("bench.payloadBytes", 0);
        String shape = System.getProperty("bench.payloadShape", "TEXT");
        try {
            return new CaseBenchmark.Payload(bytesProperty("bench.inputBytes", each), bytesProperty("bench.resultBytes", each),
                    bytesProperty("bench.dataBytes", each), CaseBenchmark.Payload.Shape.valueOf(shape.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bench payload: " + e.getMessage() + " (bench.payloadShape is TEXT or DOCUMENT, was '"
                    + shape + "')", e);
        }
    }

    private static int bytesProperty(String name, int fallback) {
        String text = System.getProperty(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a number of bytes", e);
        }
    }

    private static int threadCount(String text) {
        try {
            int threads = Integer.parseInt(text);
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("bench.threads: '" + text + "' is not a worker thread count (1 or more)");
    }

    /** PerfTest's receiving rate, printed with the CPU it took per message (the broker's share is a transition's floor). */
    private static double perfTest(String uri, int seconds, String when) throws Exception {
        Optional<CpuUsage.Sample> cpuBefore = CpuUsage.sample();
        double rate = perfTestRate(uri, seconds);
        Optional<CpuUsage.Sample> cpuAfter = CpuUsage.sample();
        System.out.printf(Locale.ROOT, "%nRabbitMQ PerfTest %s, %d s: 1 producer + 1 consumer, persistent 500-byte messages, quorum queue, "
                + "confirm window 100, manual ack per message:%n  %,.0f msg/s%n  CPU: %s%n", when, seconds, rate,
                CpuUsage.between(cpuBefore, cpuAfter, Math.round(rate * seconds)).map(split -> split.describe("PerfTest's client (this JVM)", "message")).orElse("not measured (no Linux /proc)"));
        return rate;
    }

    private static double perfTestRate(String uri, int seconds) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        PerfTest.main(new String[] {"--uri", uri, "--producers", "1", "--consumers", "1", "--flag", "persistent",
                        "--confirm", "100", "--size", "500", "--time", Integer.toString(seconds), "--queue", "caseflow-perftest",
                        "--quorum-queue", "--qos", "200", "--auto-delete", "true"},
                new PerfTest.PerfTestOptions().setSystemExiter(status -> { }).setConsoleOut(out).setConsoleErr(out));
        String text = captured.toString(StandardCharsets.UTF_8);
        Matcher matcher = RECEIVING.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("PerfTest printed no receiving rate:\n" + text);
        }
        try (Connection connection = connection(uri); Channel channel = connection.createChannel()) {
            channel.queueDelete("caseflow-perftest");
        } catch (Exception ignored) {
            // auto-deleted already
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static void deleteBenchQueues(String uri) throws Exception {
        try (Connection connection = connection(uri)) {
            for (String queue : List.of(ExternalServices.testInstallation().innerQ(CaseBenchmarkKey.KEY), ExternalServices.testInstallation().serviceQ(CaseBenchmarkKey.KEY))) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(queue);
                } catch (Exception ignored) {
                    // not there
                }
            }
        }
    }

    private static Connection connection(String uri) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        return factory.newConnection("caseflow-bench-admin");
    }

    /** The benchmark's case key (bench/v1). */
    static final class CaseBenchmarkKey {
        static final io.caseflow.definition.CaseKey KEY = new io.caseflow.definition.CaseKey("bench", "v1");
    }
}
