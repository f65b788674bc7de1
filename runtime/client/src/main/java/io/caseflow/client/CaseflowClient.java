package io.caseflow.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.audit.AuditEvent;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DefinitionFormatException;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.installation.Installation;
import io.caseflow.job.ItemState;
import io.caseflow.job.JobItem;
import io.caseflow.job.JobKind;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobSnapshot;
import io.caseflow.job.JobState;
import io.caseflow.json.Json;
import io.caseflow.json.JsonFields;
import io.caseflow.json.JsonText;
import io.caseflow.message.DeadLetter;
import io.caseflow.process.ActionResult;
import io.caseflow.process.Failure;
import io.caseflow.process.FailureKind;
import io.caseflow.process.MigrationOutcome;
import io.caseflow.process.MigrationReport;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageResults;
import io.caseflow.process.StageRun;
import io.caseflow.process.StageRunStatus;
import io.caseflow.retention.RetentionPolicy;
import io.caseflow.retention.RetentionStatus;
import io.caseflow.validation.InvalidDefinitionException;
import io.caseflow.validation.Problem;
import io.caseflow.validation.ProblemCode;
import io.caseflow.validation.ProblemTarget;
import io.caseflow.validation.Severity;
import io.caseflow.validation.ValidationReport;
import io.caseflow.worker.ServiceConsumers;
import io.caseflow.worker.WorkerRecord;
import io.caseflow.worker.WorkerSnapshot;
import io.caseflow.worker.WorkerStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Java client of a caseflow server's HTTP API (the JDK's HTTP client underneath). Calls block; call
 * them off any UI thread. A failure of the server becomes an {@link ApiException} with its stable code,
 * an unreachable server an {@link IOException}-caused {@link java.io.UncheckedIOException}.
 *
 * <pre>{@code
 * CaseflowClient client = new CaseflowClient(URI.create("http://caseflow:8080"), token);
 * ProcessPage failed = client.processes(ProcessQuery.all(50).withStatuses(Set.of(ProcessStatus.FAILED)));
 * client.retry(failed.processes().get(0).id(), null, null);
 * }</pre>
 */
public final class CaseflowClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    public CaseflowClient(URI server, String token) {
        String text = server.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.token = token;
    }

    public URI server() {
        return URI.create(base);
    }

    /** Whether the server's store and transport are up. */
    public boolean healthy() {
        try {
            return "UP".equals(get("/api/health").path("status").asText());
        } catch (ApiException e) {
            return false;
        }
    }

    /**
     * The installation the server belongs to, from its health answer: the prefix of the queues and of the
     * events exchange a monitor subscribes to. A server from before installations had names is the default one.
     */
    public Installation installation() {
        String name = get("/api/health").path("installation").asText("");
        return Installation.named(name);
    }

    public ProcessPage processes(ProcessQuery query) {
        StringBuilder path = new StringBuilder("/api/processes?limit=").append(query.limit()).append("&offset=").append(query.offset());
        query.statuses().forEach(s -> path.append("&status=").append(s.name()));
        param(path, "case", query.caseName());
        param(path, "api", query.caseApi());
        param(path, "version", query.caseVersion() == null ? null : query.caseVersion().toString());
        param(path, "stage", query.stage());
        param(path, "text", query.text());
        JsonNode page = get(path.toString());
        List<ProcessSnapshot> processes = new ArrayList<>();
        page.path("processes").forEach(p -> processes.add(process(p)));
        return new ProcessPage(processes, page.path("total").asLong(), page.path("offset").asInt());
    }

    public ProcessSnapshot process(String id) {
        return process(get("/api/processes/" + encode(id)));
    }

    public List<StageRun> history(ProcessSnapshot process) {
        return history(process.id());
    }

    /**
     * Who did what to a process, newest first (at most {@code limit}, 1 to 1000); needs a token that may read process
     * data (operator, deployer, admin).
     */
    public List<AuditEvent> audit(String processId, int limit) {
        List<AuditEvent> events = new ArrayList<>();
        for (JsonNode e : get("/api/processes/" + encode(processId) + "/audit?limit=" + limit).path("events")) {
            events.add(new AuditEvent(e.path("id").asLong(), instant(e, "at"), text(e, "actor"), text(e, "role"), text(e, "action"),
                    text(e, "processId"), text(e, "case"), text(e, "api"), e.path("status").asInt(), text(e, "outcome"), text(e, "remote"),
                    text(e, "traceId")));
        }
        return events;
    }

    /** The stage-run history of a process, by id alone. */
    public List<StageRun> history(String processId) {
        List<StageRun> runs = new ArrayList<>();
        for (JsonNode run : get("/api/processes/" + encode(processId) + "/history")) {
            runs.add(new StageRun(processId, run.path("step").asLong(), run.path("stage").asText(), run.path("attempt").asInt(),
                    StageRunStatus.valueOf(run.path("status").asText()), instant(run, "startedAt"), instant(run, "endedAt"),
                    text(run, "outcome"), run.hasNonNull("output") ? run.get("output") : null, text(run, "taskId"),
                    text(run, "error"), text(run, "errorTrace")));
        }
        return runs;
    }

    public ActionResult retry(ProcessSnapshot process, String fromStage, ObjectNode newData) {
        return retry(process.id(), fromStage, newData);
    }

    /** Resumes a FAILED process, by id alone. */
    public ActionResult retry(String processId, String fromStage, ObjectNode newData) {
        ObjectNode body = Json.object();
        if (fromStage != null) {
            body.put("fromStage", fromStage);
        }
        if (newData != null) {
            body.set("data", newData);
        }
        return action(post("/api/processes/" + encode(processId) + "/retry", body.toString()));
    }

    public ActionResult cancel(ProcessSnapshot process) {
        return cancel(process.id());
    }

    /** Stops a process, by id alone. */
    public ActionResult cancel(String processId) {
        return action(post("/api/processes/" + encode(processId) + "/cancel", ""));
    }

    public Map<String, Map<ProcessStatus, Long>> countsByStage(CaseKey key) {
        Map<String, Map<ProcessStatus, Long>> counts = new LinkedHashMap<>();
        get("/api/cases/" + encode(key.name()) + "/" + encode(key.api()) + "/counts").fields().forEachRemaining(stage -> {
            Map<ProcessStatus, Long> byStatus = new EnumMap<>(ProcessStatus.class);
            stage.getValue().fields().forEachRemaining(s -> byStatus.put(ProcessStatus.valueOf(s.getKey()), s.getValue().asLong()));
            counts.put(stage.getKey(), byStatus);
        });
        return counts;
    }

    public List<DeadLetter> deadLetters(int limit) {
        return deadLetters(null, limit);
    }

    /** Dead letters newest first; {@code state} ({@code DEAD}, {@code REPLAYED}, {@code DISCARDED}) null: all. */
    public List<DeadLetter> deadLetters(String state, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        for (JsonNode letter : get("/api/dead-letters?limit=" + limit + (state == null ? "" : "&state=" + encode(state)))) {
            letters.add(new DeadLetter(letter.path("id").asLong(), letter.path("queue").asText(), letter.path("reason").asText(),
                    letter.path("detail").asText(), text(letter, "body"), text(letter, "processId"), instant(letter, "deadAt"),
                    letter.path("state").asText(DeadLetter.DEAD), instant(letter, "settledAt")));
        }
        return letters;
    }

    /**
     * Replays ({@code replay}) or discards dead letters by id: the server's answer per dead letter
     * ({@code {"SETTLED": n, "ALREADY_SETTLED": n, "REFUSED": n, "NOT_FOUND": n, "results": [{id, outcome, message}]}}).
     * A dead letter is replayed at most once however often this is called.
     */
    public JsonNode settleDeadLetters(boolean replay, Collection<Long> ids) {
        ObjectNode body = Json.object();
        ids.forEach(body.putArray("ids")::add);
        return post("/api/dead-letters/" + (replay ? "replay" : "discard"), body.toString());
    }

    /**
     * Creates a bulk job; with an {@code idempotencyKey}, a repeat (e.g. after a lost answer) returns the job the
     * first call created. A request the server cannot run is an {@link ApiException} whose details name the field.
     */
    public JobSnapshot createJob(JobRequest request, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri("/api/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toJson().toString()));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return job(send(builder));
    }

    public JobSnapshot job(String id) {
        return job(get("/api/jobs/" + encode(id)));
    }

    /** The newest jobs first. */
    public List<JobSnapshot> jobs(int limit) {
        List<JobSnapshot> jobs = new ArrayList<>();
        get("/api/jobs?limit=" + limit).forEach(node -> jobs.add(job(node)));
        return jobs;
    }

    /** Cancels a running job (processes already acted on keep their results); the job as it is now. */
    public JobSnapshot cancelJob(String id) {
        return job(post("/api/jobs/" + encode(id) + "/cancel", ""));
    }

    /** A page of a job's results in process id order, after {@code afterProcessId} (null: from the start); {@code state} null: all. */
    public List<JobItem> jobItems(String id, ItemState state, String afterProcessId, int limit) {
        StringBuilder path = new StringBuilder("/api/jobs/").append(encode(id)).append("/items?limit=").append(limit);
        param(path, "state", state == null ? null : state.name());
        param(path, "after", afterProcessId);
        List<JobItem> items = new ArrayList<>();
        for (JsonNode item : get(path.toString()).path("items")) {
            items.add(new JobItem(item.path("processId").asText(), item.path("step").asLong(), ItemState.valueOf(item.path("state").asText()),
                    text(item, "message"), instant(item, "doneAt")));
        }
        return items;
    }

    /** Reads the API's job view. */
    public static JobSnapshot job(JsonNode node) {
        Map<ItemState, Long> counts = new EnumMap<>(ItemState.class);
        node.path("counts").fields().forEachRemaining(e -> counts.put(ItemState.valueOf(e.getKey()), e.getValue().asLong()));
        return new JobSnapshot(node.path("id").asText(), JobKind.parse(node.path("kind").asText()), JobRequest.fromJson(node.path("request")),
                node.path("requestedBy").asText(), JobState.valueOf(node.path("state").asText()), node.path("total").asLong(), counts,
                instant(node, "createdAt"), instant(node, "updatedAt"));
    }

    /**
     * The live worker registry: every worker, server and embedded runtime that registered with the server's
     * store, judged alive, gone or stopped by the server at one instant ({@link WorkerSnapshot#checkedAt()}).
     */
    public List<WorkerSnapshot> workers() {
        JsonNode answer = get("/api/workers");
        Instant checkedAt = instant(answer, "checkedAt");
        List<WorkerSnapshot> workers = new ArrayList<>();
        for (JsonNode w : answer.path("workers")) {
            List<String> handlers = new ArrayList<>();
            w.path("handlers").forEach(h -> handlers.add(h.asText()));
            List<String> services = new ArrayList<>();
            w.path("services").forEach(h -> services.add(h.asText()));
            WorkerRecord worker = new WorkerRecord(w.path("id").asText(), w.path("kind").asText(), w.path("host").asText(),
                    w.path("pid").asLong(), w.path("version").asText(), instant(w, "startedAt"), instant(w, "lastSeenAt"),
                    instant(w, "stoppedAt"), duration(w, "heartbeatInterval"), caseKeys(w.path("cases")), handlers, services);
            workers.add(new WorkerSnapshot(worker, WorkerStatus.valueOf(w.path("status").asText()), checkedAt));
        }
        return workers;
    }

    /** Every service the deployed cases call, with the consumers of its request queue right now (empty: the server cannot tell). */
    public List<ServiceConsumers> services() {
        return services(List.of());
    }

    /** Like {@link #services()}, plus these services even if no deployed case calls them yet. */
    public List<ServiceConsumers> services(Collection<String> alsoNamed) {
        StringBuilder path = new StringBuilder("/api/services");
        String separator = "?";
        for (String name : alsoNamed) {
            path.append(separator).append("name=").append(encode(name));
            separator = "&";
        }
        List<ServiceConsumers> services = new ArrayList<>();
        for (JsonNode s : get(path.toString()).path("services")) {
            OptionalInt consumers = s.hasNonNull("consumers") ? OptionalInt.of(s.get("consumers").asInt()) : OptionalInt.empty();
            services.add(new ServiceConsumers(s.path("name").asText(), s.path("queue").asText(), caseKeys(s.path("cases")), consumers));
        }
        return services;
    }

    private static List<CaseKey> caseKeys(JsonNode keys) {
        List<CaseKey> list = new ArrayList<>();
        keys.forEach(k -> list.add(new CaseKey(k.path("case").asText(), k.path("api").asText())));
        return list;
    }

    private static Duration duration(JsonNode node, String field) {
        String text = node.path(field).asText();
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("the server sent '" + text + "' as " + field + ", not an ISO-8601 duration", e);
        }
    }

    /** Every deployed version: case, api, version. */
    public List<JsonNode> deployed() {
        List<JsonNode> list = new ArrayList<>();
        get("/api/cases").forEach(list::add);
        return list;
    }

    public CaseDefinition definition(CaseKey key, int version) {
        JsonNode node = get("/api/cases/" + encode(key.name()) + "/" + encode(key.api()) + "/definitions/" + version);
        try {
            return DefinitionJson.read(node.toString(), base + " " + key + " v" + version);
        } catch (DefinitionFormatException e) {
            throw new IllegalStateException("the server sent a definition this client cannot read: " + e.getMessage(), e);
        }
    }

    /** Deploys; returns the server's answer (version, unchanged). Refused definitions raise {@link ApiException} with the problems. */
    public JsonNode deploy(CaseDefinition definition) {
        return post("/api/cases/" + encode(definition.name()) + "/" + encode(definition.api()) + "/definitions",
                DefinitionJson.write(definition));
    }

    /** The newest deployed version of a case, or empty if the server has never had it. */
    public Optional<CaseDefinition> latest(CaseKey key) {
        JsonNode versions;
        try {
            versions = get(definitionsPath(key));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        int newest = 0;
        for (JsonNode version : versions) {
            newest = Math.max(newest, version.path("version").asInt());
        }
        return newest == 0 ? Optional.empty() : Optional.of(definition(key, newest));
    }

    /** The server's validation of a definition, without deploying it. */
    public ValidationReport validate(CaseDefinition definition) {
        JsonNode answer = post(definitionsPath(definition.key()) + "/validate", DefinitionJson.write(definition));
        return report(definition, answer.path("problems"));
    }

    /** Deploys; a definition the server refuses raises {@link InvalidDefinitionException} with the server's problems. */
    public DeployedDefinition deployDefinition(CaseDefinition definition) {
        JsonNode answer;
        try {
            answer = deploy(definition);
        } catch (ApiException e) {
            if (e.status() == 422) {
                throw new InvalidDefinitionException("case " + definition.key() + " on " + base, report(definition, e.details()));
            }
            throw e;
        }
        return new DeployedDefinition(definition.withVersion(answer.path("version").asInt()), instant(answer, "deployedAt"),
                answer.path("unchanged").asBoolean());
    }

    /** Problems as the API lists them, tied back to the stages and transitions of {@code definition}. */
    static ValidationReport report(CaseDefinition definition, JsonNode problems) {
        List<Problem> list = new ArrayList<>();
        for (JsonNode p : problems) {
            ProblemTarget target = ProblemTarget.wholeCase();
            int index = p.path("transitionIndex").asInt(-1);
            if (index >= 0 && index < definition.transitions().size()) {
                target = ProblemTarget.transition(index, definition.transitions().get(index));
            } else if (p.hasNonNull("stage")) {
                target = ProblemTarget.stage(p.get("stage").asText());
            }
            list.add(new Problem(enumOr(Severity.class, p.path("severity").asText(), Severity.ERROR),
                    enumOr(ProblemCode.class, p.path("code").asText(), ProblemCode.REPORTED_BY_SERVER), "server " + definition.key(),
                    target, p.path("message").asText(), text(p, "fix")));
        }
        return new ValidationReport(list);
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String definitionsPath(CaseKey key) {
        return "/api/cases/" + encode(key.name()) + "/" + encode(key.api()) + "/definitions";
    }

    /**
     * Moves the waiting and failed processes of {@code key} v{@code fromVersion} to {@code toVersion}, each
     * at its stage mapped by {@code stageMapping}; {@code dryRun} only reports. See the API's migrations.
     */
    public MigrationReport migrate(CaseKey key, int fromVersion, int toVersion, Map<String, String> stageMapping, boolean dryRun) {
        ObjectNode request = Json.object().put("fromVersion", fromVersion).put("toVersion", toVersion).put("dryRun", dryRun);
        ObjectNode mapping = request.putObject("stageMapping");
        stageMapping.forEach(mapping::put);
        JsonNode answer = post(definitionsPath(key).replace("/definitions", "/migrations"), request.toString());
        List<MigrationOutcome> outcomes = new ArrayList<>();
        for (JsonNode o : answer.path("outcomes")) {
            outcomes.add(new MigrationOutcome(o.path("processId").asText(), MigrationOutcome.Status.valueOf(o.path("status").asText()),
                    o.path("fromVersion").asInt(), text(o, "fromStage"), o.path("toVersion").asInt(), text(o, "toStage"), text(o, "reason")));
        }
        return new MigrationReport(answer.path("dryRun").asBoolean(), outcomes);
    }

    /** A GET of any API path, as JSON. */
    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A POST of a JSON body to any API path. */
    public JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the server URL '" + base + "' is not valid: " + e.getMessage(), e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the caseflow server at " + base + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        JsonNode body;
        try {
            body = response.body().isBlank() ? Json.object() : Json.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw new ApiException(response.statusCode(), "not_json", "the server at " + base + " did not answer with JSON", null);
        }
        if (response.statusCode() >= 400) {
            JsonNode error = body.path("error");
            throw new ApiException(response.statusCode(), error.path("code").asText("http_" + response.statusCode()),
                    error.path("message").asText(response.body()), error.path("details"));
        }
        return body;
    }

    private static ActionResult action(JsonNode node) {
        return new ActionResult(process(node.path("process")), node.path("changed").asBoolean(), node.path("message").asText());
    }

    /** Reads the API's process view. */
    public static ProcessSnapshot process(JsonNode p) {
        Failure failure = null;
        if (p.hasNonNull("failure")) {
            JsonNode f = p.get("failure");
            failure = new Failure(text(f, "stage"), FailureKind.valueOf(f.path("kind").asText()), text(f, "message"),
                    text(f, "stackTrace"), instant(f, "at"));
        }
        return new ProcessSnapshot(p.path("id").asText(), new CaseKey(p.path("case").asText(), p.path("api").asText()),
                p.path("version").asInt(), ProcessStatus.valueOf(p.path("status").asText()), p.path("currentStage").asText(),
                text(p, "previousStage"), p.path("step").asLong(), p.path("attempt").asInt(), null, text(p, "waitingForTaskId"), null,
                p.path("input").isObject() ? JsonText.of(p.get("input")) : JsonText.emptyObject(),
                JsonFields.of(p.path("data") instanceof ObjectNode d ? d : null),
                StageResults.of(p.path("results") instanceof ObjectNode r ? r : null), p.hasNonNull("result") ? p.get("result") : null,
                failure, text(p, "idempotencyKey"), instant(p, "createdAt"), instant(p, "updatedAt"));
    }

    private static void param(StringBuilder path, String name, String value) {
        if (value != null && !value.isBlank()) {
            path.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
    }

    /** {@code GET /api/retention}: the policies, what applies to each deployed case api, the sweeper's record. */
    public RetentionStatus retention() {
        return Json.MAPPER.convertValue(get("/api/retention"), RetentionStatus.class);
    }

    /** Sets how long finished processes of {@code caseName}/{@code api} (api null: every api of the case) are kept: P30D, PT12H, forever. */
    public RetentionPolicy setRetention(String caseName, String api, String period) {
        return Json.MAPPER.convertValue(send(HttpRequest.newBuilder(uri(retentionPath(caseName, api))).header("Content-Type",
                "application/json").PUT(HttpRequest.BodyPublishers.ofString(Json.object().put("period", period).toString()))),
                RetentionPolicy.class);
    }

    /** Removes the policy of exactly this target (the case's or the default then applies); false if there was none. */
    public boolean clearRetention(String caseName, String api) {
        return send(HttpRequest.newBuilder(uri(retentionPath(caseName, api))).DELETE()).path("cleared").asBoolean();
    }

    private static String retentionPath(String caseName, String api) {
        return "/api/cases/" + encode(caseName) + (api == null ? "" : "/" + encode(api)) + "/retention";
    }
}
