package io.caseflow.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.http.ApiTokens;
import io.caseflow.http.HttpApi;
import io.caseflow.json.Json;
import io.caseflow.message.TraceParent;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.service.CommandResult;
import io.caseflow.service.IdempotentInbox;
import io.caseflow.service.ServiceEndpoint;
import io.caseflow.testing.ServiceDatabase;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trace from an HTTP start with the caller's {@code traceparent}, through every stage attempt (one
 * retried after a throw), a Java service and its reply, to the end: one trace id, one span per attempt.
 */
class TraceAcrossServicesTest {
    private static final String TOKEN = "tracing-token-0123456789";
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER = "00-" + CALLER_TRACE + "-00f067aa0ba902b7-01";
    private static final CaseKey KEY = new CaseKey("traced", "v1");

    @TempDir
    Path dir;
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final AtomicInteger packCalls = new AtomicInteger();
    private OpenTelemetrySdk otel;
    private CaseflowRuntime runtime;
    private HikariDataSource shippingDb;
    private HttpApi api;

    @BeforeEach
    void start() {
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
        HandlerRegistry handlers = new HandlerRegistry()
                .register("check", ctx -> ctx.next())
                .register("pack", ctx -> {
                    if (packCalls.incrementAndGet() == 1) {
                        throw new IllegalStateException("the packing table is busy");
                    }
                    return ctx.next();
                })
                .register("ship", ctx -> ctx.callService(Map.of("parcel", "P-1")));
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("rt")).handlers(handlers).openTelemetry(otel).build().start();
        shippingDb = ServiceDatabase.open(dir.resolve("shipping"));
        runtime.attach(ServiceEndpoint.builder("shipping", IdempotentInbox.create(shippingDb, ServiceDatabase.url(dir.resolve("shipping")),
                        Clock.systemUTC()))
                .command("ship", (tx, request) -> CommandResult.ok(Map.of("tracking", "T-" + request.payload().path("parcel").asText())))
                .build(), 1); // hosted by the runtime: traced into the runtime's OpenTelemetry
        runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("check", "check"))
                .stage(StageDefinition.task("pack", "pack").withRetry(RetryPolicy.attempts(2, Duration.ofMillis(10))))
                .stage(StageDefinition.service("ship", "ship", "shipping", "ship"))
                .stage(StageDefinition.end("done"))
                .transition("check", "pack").transition("pack", "ship").transition("ship", "done")
                .build());
        api = HttpApi.start(runtime, new ApiTokens(TOKEN, null), () -> "", "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        api.close();
        runtime.close();
        shippingDb.close();
        otel.close();
    }

    @Test
    void a_process_started_with_a_traceparent_is_one_trace_with_a_span_per_stage_attempt_and_the_service_inside_it() throws Exception {
        HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.port() + "/api/cases/traced/v1/processes"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json").header("traceparent", CALLER)
                .POST(HttpRequest.BodyPublishers.ofString("{\"order\": 7}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(started.headers().firstValue("traceparent")).hasValueSatisfying(value -> assertThat(value).contains(CALLER_TRACE));
        String id = Json.parse(started.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(id).status() == ProcessStatus.COMPLETED);
        List<StageRun> runs = runtime.history(id);
        // every span ends when its commit lands, just before the next stage can start: wait for the last one
        await().atMost(Duration.ofSeconds(5)).until(() -> stageSpans().size() == runs.size());

        List<SpanData> all = spans.getFinishedSpanItems();
        assertThat(all).extracting(SpanData::getTraceId).containsOnly(CALLER_TRACE);
        SpanData request = only("POST /api/cases/{case}/{api}/processes");
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getParentSpanId()).isEqualTo("00f067aa0ba902b7");

        assertThat(runs).extracting(StageRun::stage).containsExactly("check", "pack", "pack", "ship", "done");
        assertThat(stageSpans()).extracting(s -> s.getAttributes().get(Tracing.STAGE) + "#" + s.getAttributes().get(Tracing.ATTEMPT))
                .containsExactlyInAnyOrder(runs.stream().map(r -> r.stage() + "#" + r.attempt()).toArray(String[]::new));
        SpanData failedAttempt = stageSpans().stream().filter(s -> s.getStatus().getStatusCode() == StatusCode.ERROR).findFirst().orElseThrow();
        assertThat(failedAttempt.getName()).isEqualTo("stage pack");
        assertThat(failedAttempt.getStatus().getDescription()).contains("the packing table is busy");

        // a chain: each span's parent is the span that sent its message
        Map<String, SpanData> byId = all.stream().collect(Collectors.toMap(SpanData::getSpanId, s -> s));
        SpanData ship = only("stage ship");
        SpanData service = only("service shipping ship");
        SpanData reply = only("reply ship");
        assertThat(service.getParentSpanId()).isEqualTo(ship.getSpanId());
        assertThat(service.getAttributes().get(Tracing.TASK_ID)).isEqualTo(reply.getAttributes().get(Tracing.TASK_ID));
        assertThat(reply.getParentSpanId()).isEqualTo(service.getSpanId());
        assertThat(byId.get(only("stage done").getParentSpanId()).getName()).isEqualTo("reply ship");
        assertThat(byId.get(only("stage check").getParentSpanId())).isEqualTo(request);
        assertThat(only("stage check").getAttributes().get(AttributeKey.stringKey("caseflow.process.id"))).isEqualTo(id);
    }

    @Test
    void a_malformed_traceparent_is_ignored_and_the_process_gets_a_trace_of_its_own() throws Exception {
        HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.port() + "/api/cases/traced/v1/processes"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .header("traceparent", "00-not-a-trace-01")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(201);
        String id = Json.parse(started.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(id).status() == ProcessStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(5)).until(() -> stageSpans().size() == runtime.history(id).size());
        String trace = TraceParent.traceId(started.headers().firstValue("traceparent").orElseThrow());
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getTraceId).containsOnly(trace);
        assertThat(only("POST /api/cases/{case}/{api}/processes").getParentSpanContext().isValid()).isFalse();
    }

    private List<SpanData> stageSpans() {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith("stage ")).toList();
    }

    private SpanData only(String name) {
        List<SpanData> named = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(named).as("spans named '%s' among %s", name, spans.getFinishedSpanItems().stream().map(SpanData::getName).toList())
                .hasSize(1);
        return named.get(0);
    }
}
