package io.caseflow.samples.crash;

import io.caseflow.CaseflowRuntime;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.Orders;
import io.caseflow.samples.SampleServices;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The worker JVM a crash test starts and kills: an embedded runtime with businessCase1 and the sample
 * services, all under one directory. It starts its orders with idempotency keys, so a restarted
 * worker finds the ones it already started, and waits until every order has ended.
 *
 * <p>Arguments: {@code directory processes}. Prints {@value #DONE} and its counters when finished.
 */
public final class CrashWorker {
    static final String DONE = "CASEFLOW-WORKER-DONE";
    static final String STARTED = "CASEFLOW-WORKER-STARTED";

    private CrashWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int processes = Integer.parseInt(args[1]);
        HandlerJournal journal = new HandlerJournal(directory.resolve("handler-runs.log"));
        HandlerRegistry handlers = journal.wrap(BusinessCase1.registerHandlers(new HandlerRegistry()));
        try (CaseflowRuntime runtime = CaseflowRuntime.builder().h2File(directory.resolve("runtime")).handlers(handlers)
                .workerThreads(4).build().start();
             SampleServices services = SampleServices.h2(directory.resolve("services"))) {
            services.attach(runtime.transport(), 2);
            runtime.deploy(BusinessCase1.definition());
            System.out.println(STARTED);
            System.out.flush();
            Random random = new Random(7);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int i = 0; i < processes; i++) {
                Map<String, Object> order = Orders.order(i, random, Orders.Mix.ALL_GOOD);
                clients.execute(() -> runtime.startProcess(BusinessCase1.KEY, order, "crash-" + order.get("orderId")));
            }
            clients.shutdown();
            clients.awaitTermination(2, TimeUnit.MINUTES);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (ended(runtime) < processes && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            System.out.println(DONE + " ended=" + ended(runtime) + " duplicates=" + runtime.metrics().duplicatesDropped()
                    + " handlerRuns=" + runtime.metrics().handlerRuns() + " transitions=" + runtime.metrics().transitions()
                    + " byReason=" + runtime.metrics().duplicatesByReason());
            System.out.flush();
        }
    }

    private static long ended(CaseflowRuntime runtime) {
        Map<ProcessStatus, Long> counts = runtime.countsByStatus();
        return counts.entrySet().stream().filter(e -> e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
    }
}
