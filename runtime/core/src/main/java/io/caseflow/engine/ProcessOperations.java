package io.caseflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.commit.Commit;
import io.caseflow.commit.NewProcess;
import io.caseflow.commit.StartOutcome;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.UnknownCaseException;
import io.caseflow.json.JsonText;
import io.caseflow.process.ActionResult;
import io.caseflow.process.MigrationOutcome;
import io.caseflow.process.ProcessIds;
import io.caseflow.process.ProcessNotFoundException;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StartResult;
import io.caseflow.store.DefinitionStore;
import io.caseflow.store.ProcessStore;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Process operations asked for from outside a delivery: start, retry, cancel. Each is a decision like
 * any other, committed through the group commit with the step fence, so a repeat or a race with a
 * worker is harmless: when the process moved in between, the operation looks again, a few times.
 */
public final class ProcessOperations {
    private static final int TRIES = 3;

    private final Engine engine;
    private final ProcessStore processes;
    private final DefinitionStore definitions;
    private final Decider decider;
    private final Clock clock;

    ProcessOperations(Engine engine, ProcessStore processes, DefinitionStore definitions, Decider decider, Clock clock) {
        this.engine = engine;
        this.processes = processes;
        this.definitions = definitions;
        this.decider = decider;
        this.clock = clock;
    }

    /**
     * Starts a process on the latest deployed version of the case. With an idempotency key, a repeat
     * returns the process the first call started; the same key with another input is refused.
     */
    public StartResult start(CaseKey key, Object input, String idempotencyKey) {
        // Kept as text: a caller's Map or record is encoded straight to it, never made into a tree, and text is kept as it is.
        JsonText text = input instanceof JsonText given ? given : JsonText.of(input == null ? Map.of() : input);
        if (!text.isObject()) {
            // Handlers read the input by field name; anything else would only fail later, at a stage.
            throw new IllegalArgumentException("the process input must be a JSON object (named fields), not " + kindOf(text.tree()));
        }
        CaseDefinition definition = definitions.latest(key).orElseThrow(() -> new UnknownCaseException(key));
        ProcessSnapshot process = ProcessSnapshot.begin(ProcessIds.next(), key, definition.version(), definition.startStage(),
                text, idempotencyKey, clock.instant());
        StartOutcome outcome = engine.start(new NewProcess(process, decider.firstStage(process)));
        if (outcome.conflict() != null) {
            throw outcome.conflict();
        }
        return new StartResult(outcome.process(), outcome.created());
    }

    /**
     * Resumes a FAILED process at {@code fromStage} (null: the failed stage), with {@code newData}
     * replacing its data (null: unchanged). Anything but a FAILED process is left as it is.
     */
    public ActionResult retry(String processId, String fromStage, ObjectNode newData) {
        return decideAndCommit(processId, process -> retryDecision(process, fromStage, newData));
    }

    private Decision retryDecision(ProcessSnapshot process, String fromStage, ObjectNode newData) {
        String processId = process.id();
        if (process.status() != ProcessStatus.FAILED) {
            return Decision.refuse("process " + processId + " is " + process.status() + "; only a FAILED process is retried");
        }
        CaseDefinition definition = definitions.find(process.caseKey(), process.caseVersion())
                .orElseThrow(() -> new UnknownCaseException(process.caseKey()));
        Commit commit = decider.retry(definition, process, fromStage, newData);
        return Decision.commit(commit, "process " + processId + " resumes at stage '" + commit.next().currentStage() + "'");
    }

    /** Stops a process that has not ended; a COMPLETED or CANCELLED process is left as it is. */
    public ActionResult cancel(String processId) {
        return decideAndCommit(processId, this::cancelDecision);
    }

    private Decision cancelDecision(ProcessSnapshot process) {
        if (!process.status().isCancellable()) {
            return Decision.refuse("process " + process.id() + " is " + process.status() + "; nothing to cancel");
        }
        return Decision.commit(decider.cancel(process, "cancelled on request"),
                "process " + process.id() + " cancelled at stage '" + process.currentStage() + "'");
    }

    /**
     * Moves a waiting or failed process to version {@code toVersion} of its case, its current stage
     * mapped through {@code stageMapping} (a stage not in the mapping keeps its name, if the new version
     * has it). Refused, and left as it is, when the process is running a stage now, ended, or its stage
     * has no place in the new version; a waiting process must land on a service stage. A process already
     * on {@code toVersion} is left alone, so repeating a migration is harmless. {@code dryRun}: say what
     * would happen, change nothing.
     */
    public MigrationOutcome migrate(String processId, int toVersion, Map<String, String> stageMapping, boolean dryRun) {
        for (int tries = 0; tries < TRIES; tries++) {
            MigrationOutcome outcome = migrateOnce(load(processId), toVersion, stageMapping, dryRun);
            if (outcome != null) {
                return outcome;
            }
        }
        ProcessSnapshot now = load(processId);
        return new MigrationOutcome(processId, MigrationOutcome.Status.REFUSED, now.caseVersion(), now.currentStage(), toVersion, null,
                "the process kept changing; try again");
    }

    /** One try of {@link #migrate}; null when the process moved on before the commit. */
    private MigrationOutcome migrateOnce(ProcessSnapshot process, int toVersion, Map<String, String> stageMapping, boolean dryRun) {
        String processId = process.id();
        int from = process.caseVersion();
        String stage = process.currentStage();
        if (from == toVersion) {
            return new MigrationOutcome(processId, MigrationOutcome.Status.ALREADY_ON_TARGET, from, stage, toVersion, stage,
                    "already on v" + toVersion);
        }
        CaseDefinition target = definitions.find(process.caseKey(), toVersion).orElse(null);
        String mapped = stageMapping.getOrDefault(stage, stage);
        String refusal = MigrationRules.refusal(process, target, toVersion, mapped);
        if (refusal != null) {
            return new MigrationOutcome(processId, MigrationOutcome.Status.REFUSED, from, stage, toVersion, mapped, refusal);
        }
        if (dryRun) {
            return new MigrationOutcome(processId, MigrationOutcome.Status.WOULD_MOVE, from, stage, toVersion, mapped, null);
        }
        if (engine.commitNow(decider.migrate(target, process, mapped))) {
            return new MigrationOutcome(processId, MigrationOutcome.Status.MOVED, from, stage, toVersion, mapped, null);
        }
        return null;
    }

    /**
     * {@link #retry} only while the process is still at {@code step}: a bulk job's fenced action. Not applied
     * (the answer's process shows the step it is at now) when it moved on; never looks again.
     */
    public ActionResult retryAt(String processId, long step, String fromStage) {
        return decideAt(processId, step, process -> retryDecision(process, fromStage, null));
    }

    /** {@link #cancel} only while the process is still at {@code step}; see {@link #retryAt}. */
    public ActionResult cancelAt(String processId, long step) {
        return decideAt(processId, step, this::cancelDecision);
    }

    /** {@link #migrate} only while the process is still at {@code step}; null when it moved on. */
    public MigrationOutcome migrateAt(String processId, long step, int toVersion, Map<String, String> stageMapping) {
        ProcessSnapshot process = load(processId);
        return process.step() == step ? migrateOnce(process, toVersion, stageMapping, false) : null;
    }

    private ActionResult decideAt(String processId, long step, Function<ProcessSnapshot, Decision> decide) {
        ProcessSnapshot process = load(processId);
        if (process.step() != step) {
            return new ActionResult(process, false, "process " + processId + " moved on: it is at step " + process.step()
                    + ", not " + step);
        }
        Decision decision = decide.apply(process);
        if (decision.commit() == null) {
            return new ActionResult(process, false, decision.message());
        }
        if (engine.commitNow(decision.commit())) {
            return new ActionResult(decision.commit().next(), true, decision.message());
        }
        ProcessSnapshot now = load(processId);
        return new ActionResult(now, false, "process " + processId + " moved on: it is at step " + now.step() + ", not " + step);
    }

    private ActionResult decideAndCommit(String processId, Function<ProcessSnapshot, Decision> decide) {
        for (int tries = 0; tries < TRIES; tries++) {
            ProcessSnapshot process = load(processId);
            Decision decision = decide.apply(process);
            if (decision.commit() == null) {
                return new ActionResult(process, false, decision.message());
            }
            if (engine.commitNow(decision.commit())) {
                return new ActionResult(decision.commit().next(), true, decision.message());
            }
        }
        ProcessSnapshot now = load(processId);
        return new ActionResult(now, false, "process " + processId + " kept changing; it is now " + now.status());
    }

    private static String kindOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private ProcessSnapshot load(String processId) {
        return processes.find(processId).orElseThrow(() -> new ProcessNotFoundException(processId));
    }

    /** What an operation decided for the process as it found it: a commit, or a refusal with its reason. */
    private record Decision(Commit commit, String message) {
        static Decision refuse(String reason) {
            return new Decision(null, reason);
        }

        static Decision commit(Commit commit, String message) {
            return new Decision(commit, message);
        }
    }
}
