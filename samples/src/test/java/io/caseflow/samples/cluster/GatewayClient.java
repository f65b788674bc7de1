package io.caseflow.samples.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.json.Json;
import io.caseflow.samples.Orders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients of the gateway: threads that keep starting orders, in turn on each api, until stopped, and
 * record every answer. Each start carries its own Idempotency-Key, as a careful client's would.
 */
final class GatewayClient implements AutoCloseable {
    /** A start the gateway accepted: the process and the definition version it started on. */
    record Started(String api, String id, int version, long atNanos) {
    }

    /** An answer that was not a started process. */
    record Refused(String api, int status, String body, long atNanos) {
    }

    /** A request that got no answer at all, even sent again. */
    record Failed(String api, String error, long atNanos) {
    }

    /**
     * How often a start is sent again, with the same key, when its connection closed before any answer: the
     * gateway's graceful reload closes idle keep-alive connections, and one the client picked at that instant
     * carries the request nowhere. HTTP cannot tell that apart from a lost answer; the key makes repeating safe.
     */
    private static final int MAX_SENDS = 3;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String processes;
    private final String run;
    private final List<String> apis;
    private final Duration pause;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    final List<Started> started = Collections.synchronizedList(new ArrayList<>());
    final List<Refused> refused = Collections.synchronizedList(new ArrayList<>());
    final List<Failed> failed = Collections.synchronizedList(new ArrayList<>());
    /** Starts sent again after a connection closed with no answer (each then answered). */
    final AtomicInteger resent = new AtomicInteger();

    /** {@code pause} between one thread's requests keeps the number of processes the test waits for modest. */
    GatewayClient(int gatewayPort, String caseName, String run, List<String> apis, int threadCount, Duration pause) {
        this.processes = "http://127.0.0.1:" + gatewayPort + "/api/cases/" + caseName + "/%s/processes";
        this.run = run;
        this.apis = apis;
        this.pause = pause;
        for (int i = 0; i < threadCount; i++) {
            threads.add(new Thread(this::loop, "gateway-client-" + i));
        }
    }

    GatewayClient start() {
        threads.forEach(Thread::start);
        return this;
    }

    private void loop() {
        while (running) {
            int n = next.getAndIncrement();
            String api = apis.get(n % apis.size());
            startOne(n, api);
            answered.incrementAndGet();
            try {
                TimeUnit.MILLISECONDS.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void startOne(int n, String api) {
        Map<String, Object> order = Orders.order(n, new Random(n), Orders.Mix.ALL_GOOD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(String.format(processes, api)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Cluster.TOKEN)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", run + "-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(order)))
                .build();
        try {
            HttpResponse<String> response = send(request);
            if (response.statusCode() == 201 || response.statusCode() == 200) { // 200: a repeat answered with the first start's process
                JsonNode process = Json.MAPPER.readTree(response.body());
                started.add(new Started(api, process.get("id").asText(), process.get("version").asInt(), System.nanoTime()));
            } else {
                refused.add(new Refused(api, response.statusCode(), response.body(), System.nanoTime()));
            }
        } catch (Exception e) {
            failed.add(new Failed(api, e.toString(), System.nanoTime()));
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                if (attempt == MAX_SENDS || e instanceof java.net.http.HttpTimeoutException) {
                    throw e;
                }
                resent.incrementAndGet();
            }
        }
    }

    /** Requests answered (or failed) so far. */
    int answered() {
        return answered.get();
    }

    /** Waits, at most {@code timeout}, until {@code count} requests in all have been answered. */
    void awaitAnswered(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answered.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("awaited " + count + " answers from the gateway within " + timeout + ", saw " + answered.get()
                        + " (started " + started.size() + ", refused " + refused.size() + ", failed " + failed.size() + ")");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    List<Started> startedOn(String api) {
        synchronized (started) {
            return started.stream().filter(s -> s.api().equals(api)).toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(40).toMillis()); // one request's timeout at most
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not stop within 40 s");
            }
        }
    }
}
