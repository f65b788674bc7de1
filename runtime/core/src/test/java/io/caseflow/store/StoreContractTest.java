package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.commit.ClaimPolicy;
import io.caseflow.commit.Commit;
import io.caseflow.commit.CommitResult;
import io.caseflow.commit.InputChecksum;
import io.caseflow.commit.StageRunWrite;
import io.caseflow.commit.StartOutcome;
import io.caseflow.commit.StoredMessage;
import io.caseflow.commit.WriteBatch;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.json.Json;
import io.caseflow.json.JsonText;
import io.caseflow.json.JsonFields;
import io.caseflow.installation.Installation;
import io.caseflow.message.DeadLetter;
import io.caseflow.message.Messages;
import io.caseflow.message.StageDue;
import io.caseflow.message.OutboxMessage;
import io.caseflow.process.Failure;
import io.caseflow.process.FailureKind;
import io.caseflow.process.ProcessIds;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageResults;
import io.caseflow.process.StageRun;
import io.caseflow.process.StageRunStatus;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One contract, run against every database the store supports. */
abstract class StoreContractTest {
    static final CaseKey KEY = new CaseKey("orders", "v1");
    private static final String QUEUE = "caseflow.orders.v1.innerQ";

    protected Database database;
    protected JdbcProcessStore processes;
    protected ProcessQueries queries;
    protected DefinitionStore definitions;
    protected OutboxStore outbox;
    private final Clock clock = Clock.systemUTC();

    /** A JDBC URL of an empty database. */
    protected abstract String freshDatabaseUrl();

    @BeforeEach
    void open() {
        database = Database.open(freshDatabaseUrl(), 8);
        processes = new JdbcProcessStore(database, clock);
        queries = new ProcessQueries(database);
        definitions = new JdbcDefinitionStore(database, clock);
        outbox = new OutboxStore(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ProcessSnapshot newProcess(String idempotencyKey, Object input) {
        Instant now = Instant.now();
        return new ProcessSnapshot(ProcessIds.next(), KEY, 1, ProcessStatus.RUNNING, "a", null, 0, 1, null, null, null,
                JsonText.of(input), JsonFields.empty(), StageResults.empty(), null, null, idempotencyKey, now, now);
    }

    private OutboxMessage due(ProcessSnapshot p, Instant at) {
        return new OutboxMessage(QUEUE, p.id(), OutboxMessage.Kind.STAGE_DUE, "{\"p\":\"" + p.id() + "\"}", at);
    }

    private ProcessSnapshot started(String key) {
        ProcessSnapshot p = newProcess(key, Map.of("n", 1));
        processes.insert(p, due(p, Instant.now()), ClaimPolicy.NONE);
        return p;
    }

    private Commit advance(ProcessSnapshot p, String stage) {
        ProcessSnapshot next = p.toBuilder().moveTo(stage).step(p.step() + 1).data(Json.object().put("at", stage)).build();
        StageRun run = new StageRun(p.id(), p.step(), p.currentStage(), 1, StageRunStatus.COMPLETED, Instant.now(), Instant.now(),
                "next", Json.object(), null, null, null);
        return new Commit(next, p.step(), List.of(new StageRunWrite.Insert(run)), List.of(due(next, Instant.now())), false);
    }

    private WriteBatch transitions(Commit... commits) {
        return new WriteBatch(List.of(commits), List.of(), List.of(), List.of());
    }

    @Test
    void the_step_fence_lets_exactly_one_of_two_competing_commits_through() {
        ProcessSnapshot p = started(null);
        CommitResult result = processes.commit(transitions(advance(p, "b"), advance(p, "c")), ClaimPolicy.NONE);
        assertThat(result.applied()).containsExactly(true, false);
        ProcessSnapshot now = processes.find(p.id()).orElseThrow();
        assertThat(now.currentStage()).isEqualTo("b");
        assertThat(now.step()).isEqualTo(1);
        assertThat(now.data().path("at").asText()).isEqualTo("b");
        assertThat(queries.stageRuns(p.id())).hasSize(1);
        CommitResult late = processes.commit(transitions(advance(p, "c")), ClaimPolicy.NONE);
        assertThat(late.applied()).containsExactly(false);
    }

    @Test
    void results_are_read_from_the_stage_runs_and_the_newest_run_of_a_stage_wins() {
        ProcessSnapshot p = started(null);
        ProcessSnapshot atB = commitWithOutput(p, "b", Json.object().put("from", "a, first"));
        ProcessSnapshot backAtA = commitWithOutput(atB, "a", Json.object().put("from", "b"));
        commitWithOutput(backAtA, "b", Json.object().put("from", "a, again"));
        ProcessSnapshot now = processes.find(p.id()).orElseThrow();
        assertThat(now.results().path("a").path("from").asText()).isEqualTo("a, again");
        assertThat(now.results().path("b").path("from").asText()).isEqualTo("b");
        assertThat(processes.findAll(List.of(p.id())).get(p.id()).results()).isEqualTo(now.results());
        assertThat(queries.list(ProcessQuery.all(10)).processes()).singleElement().satisfies(listed ->
                assertThat(listed.results()).isEqualTo(now.results()));
    }

    @Test
    void what_a_process_carries_comes_back_with_every_character_and_at_any_size() {
        // Stored as UTF-8 bytes on H2 and as text on PostgreSQL (V9): characters outside ASCII and Latin-1, and a
        // document larger than the 1,000,000 characters H2's text columns held before, must come back unchanged.
        String text = "Zürich — 東京 😀 ж";
        String document = "é😀".repeat(400_000); // 1.2M characters
        ProcessSnapshot p = newProcess(null, Map.of("city", text, "document", document));
        processes.insert(p, due(p, Instant.now()), ClaimPolicy.NONE);
        ProcessSnapshot next = p.toBuilder().moveTo("b").step(1).data(Json.object().put("note", text)).build();
        StageRun run = new StageRun(p.id(), 0, "a", 1, StageRunStatus.COMPLETED, Instant.now(), Instant.now(), "next",
                Json.object().put("reply", text).put("document", document), null, null, null);
        assertThat(processes.commit(transitions(new Commit(next, 0, List.of(new StageRunWrite.Insert(run)), List.of(), false)),
                ClaimPolicy.NONE).applied()).containsExactly(true);

        ProcessSnapshot read = new JdbcProcessStore(database, clock, 0).find(p.id()).orElseThrow(); // no cache: from the rows
        assertThat(read.input().path("city").asText()).isEqualTo(text);
        assertThat(read.input().path("document").asText()).isEqualTo(document);
        assertThat(read.data().path("note").asText()).isEqualTo(text);
        assertThat(read.results().path("a").path("reply").asText()).isEqualTo(text);
        assertThat(read.results().path("a").path("document").asText()).isEqualTo(document);
        assertThat(queries.stageRuns(p.id())).singleElement().satisfies(stored ->
                assertThat(stored.output().path("reply").asText()).isEqualTo(text));
        assertThat(queries.list(ProcessQuery.all(10).withText("東京")).processes()).extracting(ProcessSnapshot::id)
                .containsExactly(p.id());
    }

    @Test
    void a_completed_process_keeps_its_result_once_as_its_end_stage_output_at_any_size() throws Exception {
        // The result is the end stage's output: kept there only. It was also written to the process row, where H2's
        // text column refused a result over a million characters, so a process carrying a large document never completed.
        String document = "é😀".repeat(400_000); // 1.2M characters
        ProcessSnapshot p = started(null);
        ObjectNode result = Json.object().put("document", document);
        StageResults results = StageResults.empty().with("end", result);
        ProcessSnapshot completed = p.toBuilder().moveTo("end").status(ProcessStatus.COMPLETED).step(1).results(results).result(result)
                .build();
        StageRun run = new StageRun(p.id(), 0, "end", 1, StageRunStatus.COMPLETED, Instant.now(), Instant.now(), "complete", result,
                null, null, null);
        assertThat(processes.commit(transitions(new Commit(completed, 0, List.of(new StageRunWrite.Insert(run)), List.of(), true, false)),
                ClaimPolicy.NONE).applied()).containsExactly(true);

        ProcessSnapshot read = new JdbcProcessStore(database, clock, 0).find(p.id()).orElseThrow(); // no cache: from the rows
        assertThat(read.result().path("document").asText()).isEqualTo(document);
        assertThat(new JdbcProcessStore(database, clock, 0).findAll(List.of(p.id())).get(p.id()).result()).isEqualTo(result);
        assertThat(queries.list(ProcessQuery.all(10)).processes()).singleElement().satisfies(listed ->
                assertThat(listed.result()).isEqualTo(result));
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT result FROM process WHERE id = ?")) {
            select.setString(1, p.id());
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("not kept twice").isNull();
            }
        }
    }

    @Test
    void a_transition_that_leaves_the_data_alone_does_not_write_it() {
        ProcessSnapshot p = started(null);
        Commit changesData = advance(p, "b");
        processes.commit(transitions(changesData), ClaimPolicy.NONE);
        ProcessSnapshot atB = processes.find(p.id()).orElseThrow();
        assertThat(atB.data().path("at").asText()).isEqualTo("b");
        // The decider says the stage left the data alone: whatever the snapshot holds is not written.
        Commit keepsData = advance(atB, "c");
        processes.commit(transitions(new Commit(keepsData.next(), keepsData.expectedStep(), keepsData.runWrites(), keepsData.messages(),
                false, false)), ClaimPolicy.NONE);
        ProcessSnapshot atC = processes.find(p.id()).orElseThrow();
        assertThat(atC.currentStage()).isEqualTo("c");
        assertThat(atC.data().path("at").asText()).isEqualTo("b");
        assertThat(atC.input()).isEqualTo(p.input());
    }

    @Test
    void a_node_that_cached_a_process_sees_what_another_node_wrote_since() {
        ProcessSnapshot p = started(null);
        assertThat(processes.find(p.id()).orElseThrow().data().has("at")).isFalse(); // this node now holds step 0
        JdbcProcessStore otherNode = new JdbcProcessStore(database, clock);
        ProcessSnapshot seenThere = otherNode.find(p.id()).orElseThrow();
        assertThat(otherNode.commit(transitions(advance(seenThere, "b")), ClaimPolicy.NONE).applied()).containsExactly(true);

        ProcessSnapshot seenHere = processes.find(p.id()).orElseThrow();
        assertThat(seenHere.step()).isEqualTo(1);
        assertThat(seenHere.data().path("at").asText()).isEqualTo("b");
        assertThat(seenHere.results().has("a")).isTrue();
        assertThat(processes.findAll(List.of(p.id())).get(p.id()).data()).isEqualTo(seenHere.data());
    }

    @Test
    void a_sole_writer_answers_a_message_from_its_last_commit_exactly_as_a_read_would() {
        JdbcProcessStore soleWriter = new JdbcProcessStore(database, clock, true);
        ProcessSnapshot p = startedOn(soleWriter);
        Commit toB = advance(p, "b");
        ProcessSnapshot retried = toB.next().toBuilder().attempt(2)
                .failure(new Failure("a", FailureKind.HANDLER_ERROR, "boom", "trace", Instant.now())).build();
        assertThat(soleWriter.commit(transitions(new Commit(retried, 0, toB.runWrites(), toB.messages(), false, true)),
                ClaimPolicy.NONE).applied()).containsExactly(true);

        ProcessSnapshot read = new JdbcProcessStore(database, clock, 0).find(p.id()).orElseThrow(); // no cache: from the rows
        assertThat(soleWriter.findAt(p.id(), 1)).contains(read); // timestamps as the columns keep them, to the microsecond

        setStageBehindTheStoresBack(p.id(), "changed");
        assertThat(soleWriter.findAt(p.id(), 1).orElseThrow().currentStage()).as("answered from its commit").isEqualTo("b");
        assertThat(soleWriter.findAt(p.id(), 0).orElseThrow().currentStage()).as("another step is read").isEqualTo("changed");
        assertThat(processes.findAt(p.id(), 1).orElseThrow().currentStage()).as("a store that shares its database reads")
                .isEqualTo("changed");
    }

    @Test
    void a_services_reply_is_answered_from_memory_as_a_read_would_under_the_stages_current_name() {
        JdbcProcessStore soleWriter = new JdbcProcessStore(database, clock, true);
        ProcessSnapshot p = startedOn(soleWriter);
        Instant now = Instant.now();
        ProcessSnapshot waiting = p.toBuilder().status(ProcessStatus.WAITING).step(1).runStep(0L).waitingFor("task-1", "{}").build();
        StageRun asked = new StageRun(p.id(), 0, "a", 1, StageRunStatus.WAITING, now, null, null, null, "task-1", null, null);
        assertThat(soleWriter.commit(transitions(new Commit(waiting, 0, List.of(new StageRunWrite.Insert(asked)), List.of(), true, false)),
                ClaimPolicy.NONE).applied()).containsExactly(true);

        // The reply finishes the run begun as "a" under the name its case version now gives that stage (as after a migration).
        byte[] reply = "{\"receipt\":\"R-1\",\"lines\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);
        ProcessSnapshot replied = waiting.toBuilder().moveTo("b").status(ProcessStatus.RUNNING).step(2).runStep(null)
                .waitingFor(null, null).results(waiting.results().with("renamed", reply)).build();
        StageRunWrite.Finish finish = new StageRunWrite.Finish(p.id(), 0, "renamed", StageRunStatus.COMPLETED, now, "ok", reply,
                null, null);
        assertThat(soleWriter.commit(transitions(new Commit(replied, 1, List.of(finish), List.of(), true, false)), ClaimPolicy.NONE)
                .applied()).containsExactly(true);

        ProcessSnapshot read = new JdbcProcessStore(database, clock, 0).find(p.id()).orElseThrow(); // no cache: from the rows
        assertThat(read.results().stages()).containsExactly("renamed");
        assertThat(read.results().path("renamed").path("receipt").asText()).isEqualTo("R-1");
        assertThat(queries.stageRuns(p.id())).singleElement().satisfies(run -> assertThat(run.stage()).isEqualTo("renamed"));
        assertThat(soleWriter.findAt(p.id(), 2)).contains(read);
        setStageBehindTheStoresBack(p.id(), "changed");
        assertThat(soleWriter.findAt(p.id(), 2).orElseThrow().currentStage()).as("answered from its commit").isEqualTo("b");
    }

    @Test
    void a_sole_writer_reads_again_after_a_refused_commit_and_once_a_process_has_ended() {
        JdbcProcessStore soleWriter = new JdbcProcessStore(database, clock, true);
        ProcessSnapshot p = startedOn(soleWriter);
        soleWriter.commit(transitions(advance(p, "b")), ClaimPolicy.NONE);
        assertThat(soleWriter.commit(transitions(advance(p, "c")), ClaimPolicy.NONE).applied()).containsExactly(false);
        setStageBehindTheStoresBack(p.id(), "changed");
        assertThat(soleWriter.findAt(p.id(), 1).orElseThrow().currentStage()).as("after a refusal").isEqualTo("changed");

        ProcessSnapshot atB = new JdbcProcessStore(database, clock, 0).find(p.id()).orElseThrow();
        ProcessSnapshot completed = atB.toBuilder().status(ProcessStatus.COMPLETED).step(2).build();
        assertThat(soleWriter.commit(transitions(new Commit(completed, 1, List.of(), List.of(), true, false)), ClaimPolicy.NONE)
                .applied()).containsExactly(true);
        setStageBehindTheStoresBack(p.id(), "changed again");
        assertThat(soleWriter.findAt(p.id(), 2).orElseThrow().currentStage()).as("once completed").isEqualTo("changed again");
    }

    @Test
    void a_running_process_whose_stage_message_had_no_row_gets_one_back_at_restore_and_no_other_does() throws Exception {
        ClaimPolicy implying = new ClaimPolicy() {
            @Override
            public String ownerFor(OutboxMessage message) {
                return "node-1";
            }

            @Override
            public boolean impliedByProcessRow(OutboxMessage message) {
                return message.kind() == OutboxMessage.Kind.STAGE_DUE;
            }
        };
        ProcessSnapshot implied = newProcess(null, Map.of("n", 1));
        StartOutcome handedOver = processes.insert(implied, stageDue(implied), implying);
        assertThat(outbox.pendingCount()).as("no row for a stage the process row implies").isZero();
        ProcessSnapshot withRow = newProcess(null, Map.of("n", 2));
        processes.insert(withRow, stageDue(withRow), ClaimPolicy.NONE);
        ProcessSnapshot deadLettered = newProcess(null, Map.of("n", 3));
        processes.insert(deadLettered, stageDue(deadLettered), implying);
        outbox.deadLetter(QUEUE, "redelivered", "kept crashing", stageDue(deadLettered).body(), deadLettered.id());
        ProcessSnapshot completed = newProcess(null, Map.of("n", 4));
        processes.insert(completed, stageDue(completed), implying);
        processes.commit(transitions(new Commit(completed.toBuilder().status(ProcessStatus.COMPLETED).step(1).build(), 0, List.of(),
                List.of(), true, false)), implying);
        ProcessSnapshot atStepOne = newProcess(null, Map.of("n", 5));
        processes.insert(atStepOne, stageDue(atStepOne), implying);
        outbox.deadLetter(QUEUE, "redelivered", "an earlier step's message", stageDue(atStepOne).body(), atStepOne.id());
        ProcessSnapshot moved = atStepOne.toBuilder().moveTo("b").step(1).build();
        processes.commit(transitions(new Commit(moved, 0, List.of(), List.of(stageDue(moved)), false, false)), implying);
        assertThat(outbox.pendingCount()).isEqualTo(1); // withRow's

        assertThat(outbox.restoreImpliedStageDues(Installation.DEFAULT)).isEqualTo(2);
        List<StoredMessage> due = outbox.claimDue(Set.of(QUEUE), "node-2", Instant.now().plusSeconds(60), 10);
        assertThat(due).extracting(StoredMessage::processId).containsExactlyInAnyOrder(withRow.id(), implied.id(), atStepOne.id());
        assertThat(due).filteredOn(m -> !m.processId().equals(withRow.id())).extracting(m -> Messages.parseInner(m.body()))
                .containsExactlyInAnyOrder(new StageDue(implied.id(), 0, "a"), new StageDue(atStepOne.id(), 1, "b"));
        assertThat(handedOver.created()).isTrue();
        assertThat(outbox.restoreImpliedStageDues(Installation.DEFAULT)).as("each has its row now").isZero();
    }

    private OutboxMessage stageDue(ProcessSnapshot p) {
        return new OutboxMessage(QUEUE, p.id(), OutboxMessage.Kind.STAGE_DUE,
                Messages.write(new StageDue(p.id(), p.step(), p.currentStage())), Instant.now());
    }

    private ProcessSnapshot startedOn(JdbcProcessStore store) {
        ProcessSnapshot p = newProcess(null, Map.of("n", 1));
        store.insert(p, due(p, Instant.now()), ClaimPolicy.NONE);
        return p;
    }

    private void setStageBehindTheStoresBack(String processId, String stage) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE process SET current_stage = ? WHERE id = ?")) {
            update.setString(1, stage);
            update.setString(2, processId);
            assertThat(update.executeUpdate()).isEqualTo(1);
            connection.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProcessSnapshot commitWithOutput(ProcessSnapshot p, String to, ObjectNode output) {
        ProcessSnapshot next = p.toBuilder().moveTo(to).step(p.step() + 1).build();
        StageRun run = new StageRun(p.id(), p.step(), p.currentStage(), 1, StageRunStatus.COMPLETED, Instant.now(), Instant.now(),
                "next", output, null, null, null);
        assertThat(processes.commit(transitions(new Commit(next, p.step(), List.of(new StageRunWrite.Insert(run)), List.of(), false)),
                ClaimPolicy.NONE).applied()).containsExactly(true);
        return next;
    }

    @Test
    void claimed_rows_are_written_claimed_and_returned_for_delivery() {
        ProcessSnapshot p = started(null);
        CommitResult result = processes.commit(transitions(advance(p, "b")), message -> "node-1");
        assertThat(result.messages()).singleElement().satisfies(m -> {
            assertThat(m.processId()).isEqualTo(p.id());
            assertThat(m.deliveries()).isEqualTo(1);
        });
        // The start's unclaimed row is due; the claimed one is not offered again.
        List<StoredMessage> claimable = outbox.claimDue(Set.of(QUEUE), "node-2", Instant.now().plusSeconds(30), 10);
        assertThat(claimable).extracting(StoredMessage::id).doesNotContain(result.messages().get(0).id());
    }

    @Test
    void concurrent_claimers_never_get_the_same_row() throws Exception {
        for (int i = 0; i < 200; i++) {
            started(null);
        }
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            String node = "node-" + t;
            pool.execute(() -> {
                try {
                    go.await();
                    List<StoredMessage> got;
                    do {
                        got = outbox.claimDue(Set.of(QUEUE), node, Instant.now().plusSeconds(60), 7);
                        got.forEach(m -> {
                            if (!seen.add(m.id())) {
                                duplicates.add(m.id());
                            }
                        });
                    } while (!got.isEmpty());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(200);
    }

    @Test
    void a_claim_whose_lease_ran_out_is_claimed_again_and_counted() {
        ProcessSnapshot p = started(null);
        List<StoredMessage> first = outbox.claimDue(Set.of(QUEUE), "dead-node", Instant.now().minusSeconds(1), 10);
        assertThat(first).singleElement().satisfies(m -> assertThat(m.deliveries()).isEqualTo(1));
        List<StoredMessage> again = outbox.claimDue(Set.of(QUEUE), "live-node", Instant.now().plusSeconds(60), 10);
        assertThat(again).singleElement().satisfies(m -> {
            assertThat(m.processId()).isEqualTo(p.id());
            assertThat(m.deliveries()).isEqualTo(2);
        });
        assertThat(outbox.claimDue(Set.of(QUEUE), "third-node", Instant.now().plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void timers_are_not_due_before_their_time_and_acks_delete_them() {
        ProcessSnapshot p = newProcess(null, Map.of());
        processes.insert(p, due(p, Instant.now().plusSeconds(3600)), ClaimPolicy.NONE);
        assertThat(outbox.claimDue(Set.of(QUEUE), "n", Instant.now().plusSeconds(60), 10)).isEmpty();
        assertThat(outbox.nextDue(Set.of(QUEUE))).hasValueSatisfying(at -> assertThat(at).isAfter(Instant.now().plusSeconds(3000)));
        ProcessSnapshot q = started(null);
        List<StoredMessage> claimed = outbox.claimDue(Set.of(QUEUE), "n", Instant.now().plusSeconds(60), 10);
        assertThat(claimed).extracting(StoredMessage::processId).containsExactly(q.id());
        processes.commit(new WriteBatch(List.of(), List.of(), List.of(), List.of(claimed.get(0).id())), ClaimPolicy.NONE);
        assertThat(outbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void an_idempotency_key_returns_the_first_process_and_refuses_another_input() {
        ProcessSnapshot first = started("key-1");
        StartOutcome again = processes.insert(newProcess("key-1", Map.of("n", 1)), due(first, Instant.now()), ClaimPolicy.NONE);
        assertThat(again.created()).isFalse();
        assertThat(again.process().id()).isEqualTo(first.id());
        StartOutcome other = processes.insert(newProcess("key-1", Map.of("n", 2)), due(first, Instant.now()), ClaimPolicy.NONE);
        assertThat(other.conflict()).isNotNull();
        assertThat(other.conflict().existingProcessId()).isEqualTo(first.id());
    }

    @Test
    void an_idempotency_key_compares_inputs_as_json_values_not_as_text() throws Exception {
        ProcessSnapshot first = newProcess("key-2", Json.MAPPER.readTree("{\"a\": 1, \"b\": {\"x\": [1.5, \"s\"], \"y\": 2.0}}"));
        processes.insert(first, due(first, Instant.now()), ClaimPolicy.NONE);
        for (String same : new String[] {"{\"b\": {\"y\": 2, \"x\": [1.50, \"s\"]}, \"a\": 1.00}", "{\"b\":{\"y\":2.000,\"x\":[1.5,\"s\"]},\"a\":1}"}) {
            StartOutcome again = processes.insert(newProcess("key-2", Json.MAPPER.readTree(same)), due(first, Instant.now()), ClaimPolicy.NONE);
            assertThat(again.conflict()).as(same).isNull();
            assertThat(again.process().id()).isEqualTo(first.id());
        }
        for (String other : new String[] {"{\"a\": \"1\", \"b\": {\"x\": [1.5, \"s\"], \"y\": 2}}", "{\"a\": 1, \"b\": {\"x\": [\"s\", 1.5], \"y\": 2}}"}) {
            StartOutcome refused = processes.insert(newProcess("key-2", Json.MAPPER.readTree(other)), due(first, Instant.now()), ClaimPolicy.NONE);
            assertThat(refused.conflict()).as(other).isNotNull();
        }
    }

    @Test
    void a_row_checksummed_by_the_old_text_rule_still_accepts_its_repeat() throws Exception {
        ProcessSnapshot first = started("key-3");
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE process SET input_checksum = ? WHERE id = ?")) {
            update.setString(1, InputChecksum.sha256(Json.write(first.input()))); // as rows were written before canonical checksums
            update.setString(2, first.id());
            update.executeUpdate();
            connection.commit();
        }
        StartOutcome again = processes.insert(newProcess("key-3", Map.of("n", 1)), due(first, Instant.now()), ClaimPolicy.NONE);
        assertThat(again.conflict()).isNull();
        assertThat(again.process().id()).isEqualTo(first.id());
        assertThat(processes.insert(newProcess("key-3", Map.of("n", 2)), due(first, Instant.now()), ClaimPolicy.NONE).conflict()).isNotNull();
    }

    @Test
    void deploy_numbers_versions_and_keeps_every_one() {
        CaseDefinition v1 = CaseDefinition.builder("orders", "v1").stage(StageDefinition.task("a", "h"))
                .stage(StageDefinition.end("z")).transition("a", "z").build();
        CaseDefinition v2 = v1.withStages(List.of(StageDefinition.task("a", "h2"), StageDefinition.end("z")));
        assertThat(definitions.deploy(v1).version()).isEqualTo(1);
        assertThat(definitions.deploy(v1).unchanged()).isTrue();
        assertThat(definitions.deploy(v2).version()).isEqualTo(2);
        assertThat(definitions.find(KEY, 1)).contains(v1.withVersion(1));
        assertThat(definitions.latest(KEY)).contains(v2.withVersion(2));
        assertThat(definitions.all()).extracting(DeployedDefinition::version).containsExactly(2, 1);
    }

    @Test
    void listing_filters_pages_and_searches_data() {
        List<ProcessSnapshot> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(started(null));
        }
        ProcessSnapshot moved = all.get(3);
        processes.commit(transitions(advance(moved, "special")), ClaimPolicy.NONE);
        ProcessPage page = queries.list(ProcessQuery.all(5));
        assertThat(page.total()).isEqualTo(12);
        assertThat(page.processes()).hasSize(5);
        assertThat(page.processes().get(0).id()).isEqualTo(all.get(11).id());
        assertThat(queries.list(ProcessQuery.all(5).page(10, 5)).processes()).hasSize(2);
        assertThat(queries.list(ProcessQuery.all(50).withStage("special")).processes()).extracting(ProcessSnapshot::id)
                .containsExactly(moved.id());
        assertThat(queries.list(ProcessQuery.all(50).withText("SPECIAL")).processes()).extracting(ProcessSnapshot::id)
                .containsExactly(moved.id());
        assertThat(queries.list(ProcessQuery.all(50).withStatuses(Set.of(ProcessStatus.FAILED))).total()).isZero();
        assertThat(queries.countsByStage(KEY)).containsEntry("special", Map.of(ProcessStatus.RUNNING, 1L));
        Set<String> ids = new HashSet<>();
        for (int offset = 0; offset < 12; offset += 4) {
            queries.list(ProcessQuery.all(4).page(offset, 4)).processes().forEach(p -> ids.add(p.id()));
        }
        assertThat(ids).hasSize(12);
    }

    /** Lists and counts drive from the status row (V11), which changes only with the status: they must still see every move. */
    @Test
    void lists_and_counts_follow_every_status_and_stage_a_process_settles_at() {
        ProcessSnapshot running = started(null);
        ProcessSnapshot waiting = started(null);
        ProcessSnapshot failing = started(null);
        ProcessSnapshot done = started(null);
        running = step(running, b -> b.moveTo("b"));
        running = step(running, b -> b.moveTo("c"));
        waiting = step(waiting, b -> b.moveTo("approve").status(ProcessStatus.WAITING));
        waiting = step(waiting, b -> b.moveTo("sign").status(ProcessStatus.WAITING)); // a new stage, the same status
        failing = step(failing, b -> b.moveTo("pay"));
        failing = step(failing, b -> b.status(ProcessStatus.FAILED)
                .failure(new Failure("pay", FailureKind.HANDLER_FAILED, "card declined", null, Instant.now())));
        done = step(done, b -> b.moveTo("z").status(ProcessStatus.COMPLETED));

        assertThat(queries.countsByStage(KEY)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "c", Map.of(ProcessStatus.RUNNING, 1L),
                "sign", Map.of(ProcessStatus.WAITING, 1L),
                "pay", Map.of(ProcessStatus.FAILED, 1L),
                "z", Map.of(ProcessStatus.COMPLETED, 1L)));
        assertThat(queries.countsByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(ProcessStatus.RUNNING, 1L,
                ProcessStatus.WAITING, 1L, ProcessStatus.FAILED, 1L, ProcessStatus.COMPLETED, 1L));
        assertThat(queries.list(ProcessQuery.all(10).withStage("c")).processes()).extracting(ProcessSnapshot::id)
                .containsExactly(running.id());
        assertThat(queries.list(ProcessQuery.all(10).withStage("sign").withStatuses(Set.of(ProcessStatus.WAITING))).processes())
                .extracting(ProcessSnapshot::id).containsExactly(waiting.id());
        assertThat(queries.list(ProcessQuery.all(10).withStatuses(Set.of(ProcessStatus.FAILED))).processes())
                .extracting(ProcessSnapshot::id, ProcessSnapshot::currentStage).containsExactly(tuple(failing.id(), "pay"));

        failing = step(failing, b -> b.moveTo("pay").status(ProcessStatus.RUNNING).failure(null)); // retried
        assertThat(queries.countsByStatus()).doesNotContainKey(ProcessStatus.FAILED).containsEntry(ProcessStatus.RUNNING, 2L);
        assertThat(queries.countsByStage(KEY)).containsEntry("pay", Map.of(ProcessStatus.RUNNING, 1L));
    }

    private ProcessSnapshot step(ProcessSnapshot p, UnaryOperator<ProcessSnapshot.Builder> change) {
        ProcessSnapshot next = change.apply(p.toBuilder().step(p.step() + 1)).build();
        assertThat(processes.commit(transitions(new Commit(next, p.step(), List.of(), List.of(), false)), ClaimPolicy.NONE).applied())
                .containsExactly(true);
        return next;
    }

    @Test
    void dead_letters_keep_body_reason_and_queue() {
        ProcessSnapshot p = started(null);
        StoredMessage message = outbox.claimDue(Set.of(QUEUE), "n", Instant.now().plusSeconds(60), 1).get(0);
        outbox.deadLetter(message, "malformed", "field 'step' is missing");
        outbox.deadLetter("caseflow.x.serviceQ", "bad_task_id", "signature does not match", "{}", null);
        assertThat(outbox.deadLetters(10)).extracting(DeadLetter::reason).containsExactly("bad_task_id", "malformed");
        assertThat(outbox.deadLetters(10).get(1).processId()).isEqualTo(p.id());
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void a_value_the_store_refuses_fails_only_its_own_commit() {
        // Data of any size is stored since V9 (see above); a stage name past its column's 200 characters is refused by
        // both databases, as any value a column cannot hold would be.
        ProcessSnapshot p = started(null);
        ProcessSnapshot q = started(null);
        Commit fine = advance(p, "b");
        ProcessSnapshot refused = q.toBuilder().moveTo("s".repeat(300)).step(q.step() + 1).build();
        Commit tooLong = new Commit(refused, q.step(), List.of(), List.of(), false);
        assertThatThrownBy(() -> processes.commit(transitions(tooLong), ClaimPolicy.NONE)).isInstanceOf(StoreException.class);
        assertThat(processes.commit(transitions(fine), ClaimPolicy.NONE).applied()).containsExactly(true);
        assertThat(processes.find(q.id()).orElseThrow().step()).as("the refused commit left its process alone").isZero();
    }
}
