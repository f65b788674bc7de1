package io.caseflow.designer.monitor.source;

import io.caseflow.CaseflowRuntime;
import io.caseflow.designer.monitor.DemoTraffic;
import io.caseflow.json.Json;
import io.caseflow.message.OutboxMessage;
import io.caseflow.message.ServiceReply;
import java.time.Instant;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.Orders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * "Start N processes" on the embedded runtime: sample orders for businessCase1 in a mix where some
 * are declined, some hit a flaky card (a plain retry completes them) and some fail at
 * notifyCustomer on demand (they complete after a retry with {@code failAt} removed from the data).
 * Order numbers continue after the processes already stored; each start carries an idempotency key.
 */
public final class SampleOrders implements DemoTraffic, AutoCloseable {
    private static final int CLIENTS = 4;
    private final Supplier<CaseflowRuntime> runtime;
    private final String runTag = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger next = new AtomicInteger(-1);
    private volatile Orders.Mix mix;
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, r -> daemon(r, "sample-orders"));
    /** Runs one request at a time and waits for its starts (never on the clients' pool, which it waits for). */
    private final ExecutorService coordinator = Executors.newSingleThreadExecutor(r -> daemon(r, "sample-orders-batch"));

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    SampleOrders(Supplier<CaseflowRuntime> runtime, Orders.Mix mix) {
        this.runtime = runtime;
        this.mix = mix;
    }

    /** Which orders fail and how (tests pick all-flaky or all-failing mixes). */
    public void setMix(Orders.Mix value) {
        this.mix = value;
    }

    @Override
    public String describe() {
        return "sample orders";
    }

    @Override
    public CompletableFuture<List<String>> start(int count) {
        if (count < 1 || count > 100_000) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("start 1 to 100,000 processes, not " + count));
        }
        return CompletableFuture.supplyAsync(() -> startNow(count), coordinator);
    }

    private List<String> startNow(int count) {
        CaseflowRuntime rt = runtime.get();
        int first = reserve(rt, count);
        Random random = new Random(first);
        Orders.Mix m = mix;
        List<Map<String, Object>> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(Orders.order(first + i, random, m));
        }
        List<CompletableFuture<String>> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> order = orders.get(i);
            String key = "monitor-" + runTag + "-" + (first + i);
            // Several clients at once, so the starts share group commits.
            started.add(CompletableFuture.supplyAsync(() -> rt.startProcess(BusinessCase1.KEY, order, key).id(), clients));
        }
        List<String> ids = new ArrayList<>(count);
        for (CompletableFuture<String> f : started) {
            ids.add(f.join());
        }
        return ids;
    }

    @Override
    public CompletableFuture<String> sendForgedReply() {
        return CompletableFuture.supplyAsync(() -> {
            String forged = "forged-" + UUID.randomUUID();
            String body = Json.write(ServiceReply.ok(forged, "ok", Json.object().put("note", "sent by the monitor's demo")));
            runtime.get().transport().publish(new OutboxMessage(runtime.get().installation().serviceQ(BusinessCase1.KEY), null,
                    OutboxMessage.Kind.SERVICE_REPLY, body, Instant.now()));
            return "a service reply with the forged task id " + forged;
        }, coordinator);
    }

    private int reserve(CaseflowRuntime rt, int count) {
        if (next.get() < 0) {
            long stored = rt.countsByStatus().values().stream().mapToLong(Long::longValue).sum();
            next.compareAndSet(-1, (int) Math.min(Integer.MAX_VALUE / 2, stored));
        }
        return next.getAndAdd(count);
    }

    @Override
    public void close() {
        coordinator.shutdownNow();
        clients.shutdownNow();
    }
}
