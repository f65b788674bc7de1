package io.caseflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DefinitionFormatException;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.definition.UnknownCaseException;
import io.caseflow.json.Json;
import io.caseflow.json.JsonText;
import io.caseflow.process.IdempotencyConflictException;
import io.caseflow.process.ProcessNotFoundException;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StartResult;
import io.caseflow.store.JdbcAuditLog;
import io.caseflow.validation.InvalidDefinitionException;
import io.caseflow.validation.Problem;
import io.caseflow.validation.ProblemTarget;
import io.caseflow.validation.ValidationReport;
import io.caseflow.worker.WorkerSnapshot;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's HTTP API. Paths carry case and api ({@code /api/cases/{case}/{api}/...}) so any
 * gateway can route by prefix; the OpenAPI description is at {@code /api/openapi.yaml}. Requests
 * need {@code Authorization: Bearer <token>}: the API token may do everything, the read-only token
 * only GET. Errors always look like {@code {"error": {"code", "message", "details"}}}.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CaseflowRuntime runtime;
    private final ApiTokens tokens;
    private final Supplier<String> metrics;
    private final Javalin app;

    private HttpApi(CaseflowRuntime runtime, ApiTokens tokens, Supplier<String> metrics) {
        this.runtime = runtime;
        this.tokens = tokens;
        this.metrics = metrics;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new DataRedaction(new JavalinJackson(Json.MAPPER, false), Json.MAPPER));
            config.http.maxRequestSize = RequestBodies.MAX_BODY_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        });
        routes();
    }

    /** Starts serving on {@code host:port} (port 0: any free port). */
    public static HttpApi start(CaseflowRuntime runtime, ApiTokens tokens, Supplier<String> metrics, String host, int port) {
        HttpApi api = new HttpApi(runtime, tokens, metrics);
        api.app.start(host, port);
        LOG.info("HTTP API listening on {}:{}", host, api.port());
        return api;
    }

    public int port() {
        return app.port();
    }

    /** Every route this API serves, as "METHOD /route", for the access rules' test. */
    List<String> routeList() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream().map(ParsedEndpoint::getEndpoint)
                .filter(endpoint -> endpoint.getMethod().isHttpMethod())
                .map(endpoint -> endpoint.getMethod() + " " + endpoint.getPath()).toList();
    }

    private void routes() {
        RequestTracing.install(app, runtime.tracing());
        app.before(ctx -> DataRedaction.activate(false)); // every request, matched or not, starts unredacted
        app.beforeMatched(this::authorize);
        JdbcAuditLog audit = new JdbcAuditLog(runtime.database());
        AuditTrail.install(app, audit, runtime.clock());
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage(), e.details()));
        app.exception(ProcessNotFoundException.class, (e, ctx) -> error(ctx, 404, "not_found", e.getMessage(), null));
        app.exception(UnknownCaseException.class, (e, ctx) -> error(ctx, 404, "unknown_case", e.getMessage(), null));
        app.exception(IdempotencyConflictException.class, (e, ctx) -> error(ctx, 409, "idempotency_conflict", e.getMessage(),
                Json.object().put("existingProcessId", e.existingProcessId())));
        app.exception(InvalidDefinitionException.class, (e, ctx) -> error(ctx, 422, "invalid_definition",
                "the definition has " + e.report().errors().size() + " error(s); nothing was deployed", problems(e.report().problems())));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage(), null));
        ErrorAnswers.install(app);
        app.error(404, ctx -> {
            String body = ctx.result();
            if (body == null || !body.startsWith("{")) {
                error(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path(), null);
            }
        });
        app.error(405, ctx -> error(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), null));

        app.get("/api/health", this::health);
        app.get("/api/openapi.yaml", this::openApi);
        app.get("/api/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get()));
        app.get("/api/cases", ctx -> ctx.json(runtime.definitions().stream().map(Views::deployed).toList()));
        app.get("/api/processes", ctx -> ctx.json(Views.page(runtime.list(query(ctx, null)))));
        app.get("/api/processes/{id}", ctx -> {
            String id = ctx.pathParam("id");
            ctx.json(Views.process(runtime.find(id).orElseThrow(() -> new ProcessNotFoundException(id))));
        });
        // By id alone, for clients that know only the id (a gateway routes these anywhere).
        app.get("/api/processes/{id}/history", ctx -> ctx.json(Views.history(runtime.history(anyProcess(ctx).id()))));
        app.post("/api/processes/{id}/retry", ctx -> retry(ctx, anyProcess(ctx)));
        app.post("/api/processes/{id}/cancel", ctx -> ctx.json(Views.action(runtime.cancel(anyProcess(ctx).id()))));
        app.get("/api/workers", this::workers);
        app.get("/api/services", ctx -> ctx.json(Views.services(runtime.services(serviceNames(ctx)))));
        DeadLetterRoutes.register(app, runtime);
        AuditRoutes.register(app, runtime, audit);
        JobRoutes.register(app, runtime);
        RetentionRoutes.register(app, runtime);

        String base = "/api/cases/{case}/{api}";
        app.post(base + "/definitions", this::deploy);
        app.post(base + "/definitions/validate", this::validateDefinition);
        app.post(base + "/migrations", ctx -> ctx.json(MigrationRequests.migrate(runtime, key(ctx), ctx.body())));
        app.get(base + "/definitions", ctx -> {
            CaseKey key = key(ctx);
            List<DeployedDefinition> versions = runtime.definitions().stream().filter(d -> d.definition().key().equals(key)).toList();
            if (versions.isEmpty()) {
                throw new UnknownCaseException(key);
            }
            ctx.json(versions.stream().map(Views::deployed).toList());
        });
        app.get(base + "/definitions/{version}", ctx -> {
            CaseKey key = key(ctx);
            int version = intPath(ctx, "version");
            CaseDefinition definition = runtime.definition(key, version)
                    .orElseThrow(() -> ApiError.notFound("case " + key + " has no version " + version));
            ctx.contentType("application/json").result(DefinitionJson.write(definition));
        });
        app.post(base + "/processes", this::startProcess);
        app.get(base + "/processes", ctx -> ctx.json(Views.page(runtime.list(query(ctx, key(ctx))))));
        app.get(base + "/processes/{id}", ctx -> ctx.json(Views.process(process(ctx))));
        app.get(base + "/processes/{id}/history", ctx -> ctx.json(Views.history(runtime.history(process(ctx).id()))));
        app.post(base + "/processes/{id}/retry", ctx -> retry(ctx, process(ctx)));
        app.post(base + "/processes/{id}/cancel", ctx -> ctx.json(Views.action(runtime.cancel(process(ctx).id()))));
        app.get(base + "/counts", ctx -> ctx.json(Views.counts(runtime.countsByStage(key(ctx)))));
    }

    /** Who is asking, and whether their role may: see {@link AccessRules} for what each route needs. */
    private void authorize(Context ctx) {
        String route = ctx.endpointHandlerPath();
        if (AccessRules.isPublic(ctx.method(), route)) {
            return;
        }
        Caller caller = tokens.identify(ctx.header("Authorization")).orElse(null);
        if (caller == null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"caseflow\"");
            throw new ApiError(401, "unauthorized", ctx.header("Authorization") == null
                    ? "missing Authorization: Bearer <token>" : "the token is not valid");
        }
        ctx.attribute(AuditTrail.CALLER, caller);
        Permission needed = AccessRules.required(ctx.method(), route).orElseThrow(() -> new ApiError(403, "forbidden",
                "no access rule covers " + ctx.method() + " " + route + "; it is closed to every token"));
        if (!caller.role().allows(needed)) {
            throw new ApiError(403, "forbidden", "the " + caller.role().label() + " token '" + caller.name() + "' cannot "
                    + ctx.method() + " " + ctx.path() + " (it needs " + needed.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ", which " + rolesWith(needed) + " have)");
        }
        DataRedaction.activate(!caller.role().allows(Permission.READ_DATA));
    }

    private static String rolesWith(Permission permission) {
        return Arrays.stream(Role.values()).filter(role -> role.allows(permission)).map(Role::label)
                .collect(Collectors.joining(" and "));
    }

    private void health(Context ctx) {
        NodeHealth health = NodeHealth.of(runtime);
        if (!health.up()) {
            ctx.header("Retry-After", String.valueOf(ErrorAnswers.RETRY_AFTER.toSeconds()));
        }
        ctx.status(health.up() ? 200 : 503).json(health.toJson());
    }

    private void workers(Context ctx) {
        List<WorkerSnapshot> workers = runtime.workers();
        Instant checkedAt = workers.isEmpty() ? runtime.clock().instant() : workers.get(0).checkedAt();
        ctx.json(Views.workers(workers, checkedAt));
    }

    private void openApi(Context ctx) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream("/io/caseflow/http/openapi.yaml")) {
            if (in == null) {
                throw ApiError.notFound("the OpenAPI description is not packaged");
            }
            ctx.contentType("application/yaml").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void deploy(Context ctx) {
        CaseDefinition definition = definitionInBody(ctx);
        DeployedDefinition deployed = runtime.deploy(definition);
        ctx.status(deployed.unchanged() ? 200 : 201).json(Views.deployed(deployed));
    }

    /** A dry run of deploy: the server's own validation (its handlers, if it has any), nothing stored. */
    private void validateDefinition(Context ctx) {
        CaseDefinition definition = definitionInBody(ctx);
        ValidationReport report = runtime.validator("server").validate(definition);
        ctx.json(Json.object().put("valid", !report.hasErrors()).set("problems", problems(report.problems())));
    }

    /** {@code ?name=payments&name=shipping}: services to probe even if no deployed case calls them yet (at most 100). */
    private static List<String> serviceNames(Context ctx) {
        List<String> names = ctx.queryParams("name");
        if (names.size() > 100) {
            throw ApiError.badRequest("at most 100 service names at once, got " + names.size());
        }
        for (String name : names) {
            if (name.isBlank() || name.length() > 200) {
                throw ApiError.badRequest("a service name must be 1 to 200 characters, got '" + name + "'");
            }
        }
        return names;
    }

    private CaseDefinition definitionInBody(Context ctx) {
        CaseKey key = key(ctx);
        CaseDefinition definition;
        RequestBodies.checkBounds(ctx.body());
        try {
            definition = DefinitionJson.read(ctx.body(), "request body");
        } catch (DefinitionFormatException e) {
            throw new ApiError(400, "malformed_definition", e.getMessage(),
                    Json.object().put("line", e.line()).put("column", e.column()));
        }
        if (!key.equals(definition.key())) {
            throw ApiError.badRequest("the path names case " + key + " but the definition is " + definition.key());
        }
        return definition;
    }

    private void startProcess(Context ctx) {
        CaseKey key = key(ctx);
        JsonText input = ctx.body().isBlank() ? JsonText.emptyObject() : RequestBodies.oneValue(ctx.body());
        String idempotencyKey = idempotencyKey(ctx);
        StartResult started = runtime.start(key, input, idempotencyKey);
        ctx.status(started.created() ? 201 : 200).json(Views.process(started.process()));
    }

    private void retry(Context ctx, ProcessSnapshot process) {
        String fromStage = null;
        ObjectNode data = null;
        if (!ctx.body().isBlank()) {
            JsonNode body = RequestBodies.parse(ctx.body());
            if (body.hasNonNull("fromStage")) {
                fromStage = body.get("fromStage").asText();
            }
            if (body.has("data")) {
                if (!body.get("data").isObject()) {
                    throw ApiError.badRequest("'data' must be a JSON object");
                }
                data = (ObjectNode) body.get("data");
            }
        }
        ctx.json(Views.action(runtime.retry(process.id(), fromStage, data)));
    }

    /** The request's {@code Idempotency-Key} header, trimmed; null without one. */
    static String idempotencyKey(Context ctx) {
        String key = Optional.ofNullable(ctx.header(IDEMPOTENCY_KEY)).map(String::trim).filter(k -> !k.isEmpty()).orElse(null);
        if (key != null && key.length() > 200) {
            throw ApiError.badRequest("the Idempotency-Key header is longer than 200 characters");
        }
        return key;
    }

    private ProcessSnapshot process(Context ctx) {
        CaseKey key = key(ctx);
        String id = ctx.pathParam("id");
        ProcessSnapshot process = runtime.find(id).orElseThrow(() -> new ProcessNotFoundException(id));
        if (!process.caseKey().equals(key)) {
            throw ApiError.notFound("process " + id + " is not a process of case " + key);
        }
        return process;
    }

    private ProcessSnapshot anyProcess(Context ctx) {
        String id = ctx.pathParam("id");
        return runtime.find(id).orElseThrow(() -> new ProcessNotFoundException(id));
    }

    private static CaseKey key(Context ctx) {
        return new CaseKey(ctx.pathParam("case"), ctx.pathParam("api"));
    }

    private static ProcessQuery query(Context ctx, CaseKey key) {
        Set<ProcessStatus> statuses = EnumSet.noneOf(ProcessStatus.class);
        for (String value : ctx.queryParams("status")) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    try {
                        statuses.add(ProcessStatus.valueOf(part.trim().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw ApiError.badRequest("unknown status '" + part + "'; use one of "
                                + Arrays.stream(ProcessStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
                    }
                }
            }
        }
        String versionText = ctx.queryParam("version");
        Integer version = null;
        if (versionText != null) {
            try {
                version = Integer.parseInt(versionText);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("'version' must be a whole number, was '" + versionText + "'");
            }
        }
        return new ProcessQuery(statuses, key == null ? ctx.queryParam("case") : key.name(),
                key == null ? ctx.queryParam("api") : key.api(), version, ctx.queryParam("stage"), ctx.queryParam("text"),
                intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE), intParam(ctx, "limit", 50, 1, ProcessQuery.MAX_LIMIT));
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw ApiError.badRequest("'" + name + "' must be " + min + " to " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'" + name + "' must be a whole number, was '" + text + "'");
        }
    }

    private static int intPath(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'" + name + "' must be a whole number, was '" + ctx.pathParam(name) + "'");
        }
    }

    private static ArrayNode problems(List<Problem> problems) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Problem problem : problems) {
            ObjectNode node = array.addObject()
                    .put("severity", problem.severity().name())
                    .put("code", problem.code().name())
                    .put("element", problem.target().describe())
                    .put("message", problem.message())
                    .put("fix", problem.fix())
                    .put("text", problem.toString());
            if (problem.target().stage() != null) {
                node.put("stage", problem.target().stage());
            }
            if (problem.target().kind() == ProblemTarget.Kind.TRANSITION) {
                node.put("transitionIndex", problem.target().transitionIndex());
            }
        }
        return array;
    }

    private static void error(Context ctx, int status, String code, String message, Object details) {
        ErrorAnswers.error(ctx, status, code, message, details);
    }

    @Override
    public void close() {
        app.stop();
    }
}
