package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.json.Json;
import io.caseflow.process.IdempotencyConflictException;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StartResult;
import io.caseflow.service.CommandResult;
import io.caseflow.service.IdempotentInbox;
import io.caseflow.service.ServiceEndpoint;
import io.caseflow.testing.ExternalServices;
import io.caseflow.testing.ServiceDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by a caseflow of schema version 3 (before V4 moved what a process carries out of the
 * process row) opens with this runtime with every process as it was, and they go on: a failed one
 * retried completes, a waiting one completes when its service answers.
 *
 * <p>The version-3 store is made as that version made it: Flyway builds the schema up to 3, and the rows
 * are those a real engine wrote for processes that completed, failed and wait for a service (run here
 * on an in-memory store), put back into the version-3 shape: input, free data and the map of stage
 * results in the process row, stage runs, outbox rows and the task id key as they were.
 */
class UpgradeFromV3Test {
    private static final CaseKey KEY = new CaseKey("orders", "v1");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> V3_TABLES = List.of("case_definition", "runtime_setting", "process", "stage_run", "outbox");

    @TempDir
    Path dir;

    private final AtomicBoolean paymentsDown = new AtomicBoolean();

    @Test
    void an_h2_file_store_at_version_3_opens_with_every_process_intact_and_a_copy_of_it_kept() throws Exception {
        Path file = dir.resolve("caseflow");
        String url = Database.h2File(file);
        Map<String, ProcessSnapshot> before = writeVersion3Store(url, null);

        upgradeAndCheck(url, before);

        try (Stream<Path> files = Files.list(dir.resolve(Database.BACKUP_FOLDER))) {
            List<Path> copies = files.toList();
            assertThat(copies).hasSize(1);
            String copy = Database.h2File(Path.of(copies.get(0).toString().replace(".mv.db", "")));
            assertThat(MigrationBackupTest.schemaVersion(copy)).isEqualTo("3");
            try (Connection db = DriverManager.getConnection(copy);
                 PreparedStatement select = db.prepareStatement("SELECT status, input, data, results FROM process WHERE id = ?")) {
                for (ProcessSnapshot process : before.values()) {
                    select.setString(1, process.id());
                    try (ResultSet rs = select.executeQuery()) {
                        assertThat(rs.next()).as("process %s in the copy", process.id()).isTrue();
                        assertThat(rs.getString("status")).isEqualTo(process.status().name());
                        assertThat(Json.parse(rs.getString("input"))).isEqualTo(process.input().tree());
                        assertThat(Json.parse(rs.getString("data"))).isEqualTo(process.data().asObject());
                        assertThat(Json.parse(rs.getString("results"))).isEqualTo(process.results().asObject());
                    }
                }
            }
        }
    }

    @Test
    void a_postgresql_store_at_version_3_opens_with_every_process_intact() throws Exception {
        String url = ExternalServices.freshPostgresSchema();
        String schema = schemaOf(url);
        try {
            Map<String, ProcessSnapshot> before = writeVersion3Store(url, schema);
            upgradeAndCheck(url, before);
        } finally {
            try (Connection db = DriverManager.getConnection(ExternalServices.postgresDatabase());
                 Statement statement = db.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** Opens the version-3 store with this runtime and checks each process, then carries them on. */
    private void upgradeAndCheck(String url, Map<String, ProcessSnapshot> before) throws Exception {
        paymentsDown.set(false);
        try (CaseflowRuntime runtime = CaseflowRuntime.builder().jdbcUrl(url).handlers(handlers()).build().start();
             HikariDataSource approvalsDb = ServiceDatabase.open(dir.resolve("approvals-" + UUID.randomUUID()))) {
            for (ProcessSnapshot old : before.values()) {
                ProcessSnapshot now = runtime.process(old.id());
                assertThat(now.status()).as("status of %s", old.id()).isEqualTo(old.status());
                assertThat(now.currentStage()).isEqualTo(old.currentStage());
                assertThat(now.step()).isEqualTo(old.step());
                assertThat(now.input()).as("input of %s", old.id()).isEqualTo(old.input());
                assertThat(now.data()).as("data of %s", old.id()).isEqualTo(old.data());
                assertThat(now.results()).as("results of %s", old.id()).isEqualTo(old.results());
                assertThat(now.result()).isEqualTo(old.result());
                assertThat(now.failure()).isEqualTo(old.failure());
                int order = old.input().path("order").asInt();
                assertThat(now.data().path("note").asText()).isEqualTo("fragile-" + order);
                assertThat(now.results().path("reserve").path("reserved").asInt()).isEqualTo(order);
            }
            // Idempotency keys moved to a table of their own (V8): a repeat still finds its process, another input is refused.
            for (String id : idsWith(before, ProcessStatus.COMPLETED)) {
                ProcessSnapshot old = before.get(id);
                StartResult repeat = runtime.start(KEY, old.input(), old.idempotencyKey());
                assertThat(repeat.created()).as("repeat of key %s", old.idempotencyKey()).isFalse();
                assertThat(repeat.process().id()).isEqualTo(id);
                assertThatThrownBy(() -> runtime.start(KEY, Map.of("order", 99), old.idempotencyKey()))
                        .isInstanceOf(IdempotencyConflictException.class);
            }
            List<String> failed = idsWith(before, ProcessStatus.FAILED);
            List<String> waiting = idsWith(before, ProcessStatus.WAITING);
            // Lists and counts read the status rows V11 filled from the process rows.
            assertThat(runtime.countsByStatus()).containsEntry(ProcessStatus.FAILED, 2L).containsEntry(ProcessStatus.WAITING, 2L)
                    .containsEntry(ProcessStatus.COMPLETED, 3L);
            assertThat(failed).hasSize(2);
            assertThat(waiting).hasSize(2);
            assertThat(idsWith(before, ProcessStatus.COMPLETED)).hasSize(3).allSatisfy(id ->
                    assertThat(runtime.process(id).results().path("charge").path("charged").asInt()).isEqualTo(10 * before.get(id).input().path("order").asInt()));

            for (String id : failed) {
                assertThat(runtime.retry(id).changed()).as("retry of %s", id).isTrue();
            }
            IdempotentInbox inbox = IdempotentInbox.create(approvalsDb, approvalsDb.getJdbcUrl(), Clock.systemUTC());
            runtime.attach(ServiceEndpoint.builder("approvals", inbox)
                    .command("approve", (tx, request) -> CommandResult.ok(Map.of("approved", true))).build(), 1);

            await().atMost(PATIENCE).until(() -> Stream.concat(failed.stream(), waiting.stream())
                    .allMatch(id -> runtime.process(id).status() == ProcessStatus.COMPLETED));
            for (String id : failed) {
                ProcessSnapshot done = runtime.process(id);
                assertThat(done.results().path("charge").path("charged").asInt()).isEqualTo(10 * done.input().path("order").asInt());
                assertThat(done.data()).isEqualTo(before.get(id).data());
            }
            for (String id : waiting) {
                ProcessSnapshot done = runtime.process(id);
                assertThat(done.results().path("approval").path("approved").asBoolean()).as("reply kept as the result of %s", id).isTrue();
                assertThat(done.results().path("reserve")).isEqualTo(before.get(id).results().path("reserve"));
            }
        }
    }

    private static List<String> idsWith(Map<String, ProcessSnapshot> processes, ProcessStatus status) {
        return processes.values().stream().filter(p -> p.status() == status).map(ProcessSnapshot::id).toList();
    }

    private HandlerRegistry handlers() {
        return new HandlerRegistry()
                .register("orders.reserve", ctx -> {
                    int order = ctx.input().path("order").asInt();
                    ctx.data().put("note", "fragile-" + order);
                    return ctx.next(ctx.input().path("approval").asBoolean() ? "approval" : "next", Map.of("reserved", order));
                })
                .register("orders.charge", ctx -> paymentsDown.get() ? ctx.failPermanently("payments are down")
                        : ctx.next("next", Map.of("charged", 10 * ctx.input().path("order").asInt())))
                .register("orders.ask", ctx -> ctx.callService(Map.of("order", ctx.input().path("order").asInt())));
    }

    private static CaseDefinition definition() {
        return CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("reserve", "orders.reserve"))
                .stage(StageDefinition.task("charge", "orders.charge"))
                .stage(StageDefinition.service("approval", "orders.ask", "approvals", "approve"))
                .stage(StageDefinition.end("done"))
                .transition("reserve", "charge")
                .transition("reserve", "approval", "approval")
                .transition("charge", "done")
                .transition("approval", "done")
                .build();
    }

    /**
     * Runs processes to completed, failed and waiting on a current store in memory, then writes the store
     * {@code url} at schema version 3 holding them as version 3 kept them. Returns them by id.
     */
    private Map<String, ProcessSnapshot> writeVersion3Store(String url, String schema) throws Exception {
        String source = "jdbc:h2:mem:v3-source-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Map<String, ProcessSnapshot> processes = new LinkedHashMap<>();
        try (CaseflowRuntime runtime = CaseflowRuntime.builder().jdbcUrl(source).handlers(handlers()).build().start()) {
            runtime.deploy(definition());
            List<String> ids = new ArrayList<>();
            paymentsDown.set(false);
            for (int order = 1; order <= 3; order++) {
                ids.add(runtime.startProcess(KEY, Map.of("order", order, "items", List.of("book", "lamp")), "order-" + order).id());
            }
            await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> runtime.process(id).status() == ProcessStatus.COMPLETED));
            paymentsDown.set(true);
            for (int order = 4; order <= 5; order++) {
                ids.add(runtime.startProcess(KEY, Map.of("order", order)).id());
            }
            for (int order = 6; order <= 7; order++) {
                ids.add(runtime.startProcess(KEY, Map.of("order", order, "approval", true)).id());
            }
            await().atMost(PATIENCE).until(() -> ids.stream().map(runtime::process).allMatch(p -> p.status() == ProcessStatus.COMPLETED
                    || p.status() == ProcessStatus.FAILED || p.status() == ProcessStatus.WAITING));
            for (String id : ids) {
                processes.put(id, runtime.process(id));
            }
        }
        var flyway = Database.flyway(SqlDialect.fromJdbcUrl(url)).dataSource(url, null, null).target("3");
        if (schema != null) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
        try (Connection from = DriverManager.getConnection(source); Connection to = DriverManager.getConnection(url)) {
            for (String table : V3_TABLES) {
                copyInVersion3Shape(from, to, table, processes);
            }
            from.createStatement().execute("SHUTDOWN");
        }
        return processes;
    }

    /**
     * Copies {@code table}'s rows into the version-3 table of the same name, column by column as version 3
     * has them. The process row gets back what version 3 kept in it: input, data and every stage's result.
     * Outbox ids are left to the database, as the relay would have numbered them.
     */
    private static void copyInVersion3Shape(Connection from, Connection to, String table, Map<String, ProcessSnapshot> processes)
            throws Exception {
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        try (Statement statement = to.createStatement(); ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnName(i).toLowerCase();
                if (!(table.equals("outbox") && column.equals("id"))) {
                    columns.add(column);
                    types.add(meta.getColumnType(i));
                }
            }
        }
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        int rows = 0;
        try (Statement statement = from.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + table + (table.equals("outbox") ? " ORDER BY id" : ""));
             PreparedStatement write = to.prepareStatement(insert)) {
            while (rs.next()) {
                ProcessSnapshot process = table.equals("process") ? processes.get(rs.getString("id")) : null;
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    Object value = switch (process == null ? "" : column) {
                        case "input" -> Json.write(process.input());
                        case "data" -> Json.write(process.data());
                        case "results" -> Json.write(process.results());
                        default -> rs.getObject(column);
                    };
                    if (value instanceof byte[] utf8) {
                        // A stage's output: UTF-8 bytes in today's H2 source (V9), text in version 3.
                        value = new String(utf8, StandardCharsets.UTF_8);
                    }
                    if (value == null) {
                        write.setNull(i + 1, types.get(i));
                    } else {
                        write.setObject(i + 1, value);
                    }
                }
                write.executeUpdate();
                rows++;
            }
        }
        if (!to.getAutoCommit()) {
            to.commit();
        }
        assertThat(rows).as("rows of %s in the version-3 store", table).isPositive();
    }

    private static String schemaOf(String url) {
        Matcher matcher = Pattern.compile("currentSchema=([a-z0-9_]+)").matcher(url);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
