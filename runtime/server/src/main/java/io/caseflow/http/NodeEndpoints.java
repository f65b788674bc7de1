package io.caseflow.http;

import io.caseflow.CaseflowRuntime;
import io.caseflow.json.Json;
import io.javalin.Javalin;
import java.util.function.Supplier;

/**
 * A worker's small HTTP port for its platform: {@code GET /health} (alive: the process answers),
 * {@code GET /ready} (store and broker reachable; 503 with {@code Retry-After} otherwise) and
 * {@code GET /metrics} (its own Prometheus metrics: transitions, duplicates and dead letters by
 * reason, hop latency, JVM). No token: bind it to an interface only the platform reaches.
 */
public final class NodeEndpoints implements AutoCloseable {
    private final Javalin app;

    private NodeEndpoints(Javalin app) {
        this.app = app;
    }

    public static NodeEndpoints start(CaseflowRuntime runtime, Supplier<String> metrics, String host, int port) {
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        app.get("/health", ctx -> ctx.json(Json.object().put("status", "UP")));
        app.get("/ready", ctx -> {
            NodeHealth health = NodeHealth.of(runtime);
            if (!health.up()) {
                ctx.header("Retry-After", String.valueOf(ErrorAnswers.RETRY_AFTER.toSeconds()));
            }
            ctx.status(health.up() ? 200 : 503).json(health.toJson());
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get()));
        app.start(host, port);
        return new NodeEndpoints(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
