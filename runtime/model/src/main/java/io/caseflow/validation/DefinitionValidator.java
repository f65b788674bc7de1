package io.caseflow.validation;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The one validator of case definitions, used by the runtime (deploy, engine start, CLI) and by the
 * designer (live, on every edit). It reports every problem it finds, never stops at the first, and
 * each problem names the element and what to change.
 *
 * <pre>{@code
 * ValidationReport report = DefinitionValidator.forSource("orders.case.json")
 *         .knownHandlers(registry::contains)
 *         .validate(definition);
 * }</pre>
 *
 * <p>Stateless and thread-safe once built.
 */
public final class DefinitionValidator {

    /** Case names and apis appear in queue names and URL paths, so they are kept to safe characters. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    public static final int MAX_STAGE_NAME_LENGTH = 200;
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);
    public static final Duration MAX_REPLY_TIMEOUT = Duration.ofDays(30);
    public static final int MAX_ATTEMPTS = 100;

    private final String source;
    private final Predicate<String> handlerExists;

    private DefinitionValidator(String source, Predicate<String> handlerExists) {
        this.source = source;
        this.handlerExists = handlerExists;
    }

    /** A validator whose problems name {@code source} (usually the file name); handlers are not checked. */
    public static DefinitionValidator forSource(String source) {
        return new DefinitionValidator(source, null);
    }

    /** Also reports stages whose handler the worker does not have. */
    public DefinitionValidator knownHandlers(Predicate<String> exists) {
        return new DefinitionValidator(source, exists);
    }

    public ValidationReport validate(CaseDefinition definition) {
        Run run = new Run(definition);
        run.checkIdentity();
        Map<String, StageDefinition> stages = run.checkStages();
        run.checkTransitions(stages);
        run.checkStart(stages);
        run.checkGraph(stages);
        return new ValidationReport(run.problems);
    }

    /** One validation pass; collects problems. */
    private final class Run {
        private final CaseDefinition definition;
        private final List<Problem> problems = new ArrayList<>();

        Run(CaseDefinition definition) {
            this.definition = definition;
        }

        void add(Severity severity, ProblemCode code, ProblemTarget target, String message, String fix) {
            problems.add(new Problem(severity, code, source, target, message, fix));
        }

        void error(ProblemCode code, ProblemTarget target, String message, String fix) {
            add(Severity.ERROR, code, target, message, fix);
        }

        void warning(ProblemCode code, ProblemTarget target, String message, String fix) {
            add(Severity.WARNING, code, target, message, fix);
        }

        void checkIdentity() {
            ProblemTarget whole = ProblemTarget.wholeCase();
            if (isBlank(definition.name())) {
                error(ProblemCode.MISSING_CASE_NAME, whole, "the case has no name", "Set \"name\", e.g. \"orders\"");
            } else if (!IDENTIFIER.matcher(definition.name()).matches()) {
                error(ProblemCode.BAD_IDENTIFIER, whole, "the case name '" + definition.name()
                        + "' has characters that cannot appear in queue names and URLs",
                        "Use letters, digits, '-', '_' and '.', starting with a letter or digit (at most 100)");
            }
            if (isBlank(definition.api())) {
                error(ProblemCode.MISSING_API, whole, "the case has no api", "Set \"api\", e.g. \"v1\"");
            } else if (!IDENTIFIER.matcher(definition.api()).matches()) {
                error(ProblemCode.BAD_IDENTIFIER, whole, "the api '" + definition.api()
                        + "' has characters that cannot appear in queue names and URLs",
                        "Use letters, digits, '-', '_' and '.', starting with a letter or digit (at most 100)");
            }
            if (definition.version() < 0) {
                error(ProblemCode.NEGATIVE_VERSION, whole, "version " + definition.version() + " is negative",
                        "Leave \"version\" out; deploy assigns it");
            }
            if (definition.stages().isEmpty()) {
                error(ProblemCode.NO_STAGES, whole, "the case has no stages", "Add at least a start stage and an end stage");
            }
        }

        Map<String, StageDefinition> checkStages() {
            Map<String, StageDefinition> byName = new LinkedHashMap<>();
            for (StageDefinition stage : definition.stages()) {
                ProblemTarget target = ProblemTarget.stage(stage.name());
                if (isBlank(stage.name())) {
                    error(ProblemCode.EMPTY_STAGE_NAME, target, "a stage has no name", "Give every stage a unique name");
                    continue;
                }
                if (!stage.name().equals(stage.name().strip()) || stage.name().length() > MAX_STAGE_NAME_LENGTH
                        || stage.name().chars().anyMatch(Character::isISOControl)) {
                    error(ProblemCode.BAD_STAGE_NAME, target, "the name has leading or trailing spaces, control characters or more than "
                            + MAX_STAGE_NAME_LENGTH + " characters", "Rename the stage");
                }
                if (byName.putIfAbsent(stage.name(), stage) != null) {
                    error(ProblemCode.DUPLICATE_STAGE_NAME, target, "two stages are named '" + stage.name() + "'",
                            "Rename one of them; stage names are unique within a case");
                }
                checkStageSettings(stage, target);
            }
            return byName;
        }

        void checkStageSettings(StageDefinition stage, ProblemTarget target) {
            switch (stage.kind()) {
                case SERVICE -> {
                    if (stage.service() == null) {
                        error(ProblemCode.SERVICE_WITHOUT_SERVICE, target, "a service stage needs a service",
                                "Set \"service\" to the name of the service it calls, e.g. \"warehouse\"");
                    } else if (!IDENTIFIER.matcher(stage.service()).matches()) {
                        error(ProblemCode.BAD_IDENTIFIER, target, "the service name '" + stage.service()
                                + "' has characters that cannot appear in queue names",
                                "Use letters, digits, '-', '_' and '.'");
                    }
                    if (stage.command() == null) {
                        error(ProblemCode.SERVICE_WITHOUT_COMMAND, target, "a service stage needs a command",
                                "Set \"command\" to what the service should do, e.g. \"reserveStock\"");
                    }
                    checkPositive(stage.replyTimeout(), MAX_REPLY_TIMEOUT, ProblemCode.BAD_REPLY_TIMEOUT, target, "replyTimeout");
                }
                case TASK, END -> {
                    if (stage.service() != null || stage.command() != null) {
                        warning(ProblemCode.SERVICE_FIELDS_IGNORED, target, "\"service\" and \"command\" are set but the stage is a "
                                + stage.kind().jsonName() + " stage, so they are ignored", "Make it a service stage or remove them");
                    }
                }
            }
            if (stage.handler() == null) {
                if (stage.kind() == StageKind.TASK) {
                    warning(ProblemCode.NO_HANDLER, target, "the stage has no handler, so it passes straight on along its default transition",
                            "Set \"handler\" if the stage should do work");
                }
            } else if (handlerExists != null && !handlerExists.test(stage.handler())) {
                error(ProblemCode.UNKNOWN_HANDLER, target, "handler '" + stage.handler() + "' is not registered in this worker",
                        "Register it (HandlerRegistry.register) or fix the name");
            }
            checkPositive(stage.timeout(), MAX_TIMEOUT, ProblemCode.BAD_TIMEOUT, target, "timeout");
            checkRetry(stage.retry(), target);
        }

        void checkPositive(Duration value, Duration max, ProblemCode code, ProblemTarget target, String field) {
            if (value == null) {
                return;
            }
            if (value.isNegative() || value.isZero()) {
                error(code, target, "\"" + field + "\" is " + value + " but must be positive", "Use e.g. \"PT30S\"");
            } else if (value.compareTo(max) > 0) {
                error(code, target, "\"" + field + "\" is " + value + ", longer than the allowed " + max, "Use at most " + max);
            }
        }

        void checkRetry(RetryPolicy retry, ProblemTarget target) {
            if (retry.maxAttempts() < 1 || retry.maxAttempts() > MAX_ATTEMPTS) {
                error(ProblemCode.BAD_RETRY, target, "retry.maxAttempts is " + retry.maxAttempts(),
                        "Use 1 (no retry) to " + MAX_ATTEMPTS);
            }
            if (retry.backoff() == null || retry.backoff().isNegative()) {
                error(ProblemCode.BAD_RETRY, target, "retry.backoff is negative", "Use zero or more, e.g. \"PT1S\"");
            }
            if (retry.multiplier() < 1.0 || retry.multiplier() > 100 || Double.isNaN(retry.multiplier())) {
                error(ProblemCode.BAD_RETRY, target, "retry.multiplier is " + retry.multiplier(), "Use 1.0 (constant) to 100");
            }
            if (retry.maxBackoff() == null || retry.backoff() != null && retry.maxBackoff().compareTo(retry.backoff()) < 0) {
                error(ProblemCode.BAD_RETRY, target, "retry.maxBackoff is shorter than retry.backoff",
                        "Make maxBackoff at least " + retry.backoff());
            }
        }

        void checkTransitions(Map<String, StageDefinition> stages) {
            Map<String, Integer> firstIndexByEdgeKey = new HashMap<>();
            List<TransitionDefinition> transitions = definition.transitions();
            for (int i = 0; i < transitions.size(); i++) {
                TransitionDefinition t = transitions.get(i);
                ProblemTarget target = ProblemTarget.transition(i, t);
                boolean fromKnown = !isBlank(t.from()) && stages.containsKey(t.from());
                boolean toKnown = !isBlank(t.to()) && stages.containsKey(t.to());
                if (!fromKnown) {
                    error(ProblemCode.DANGLING_TRANSITION, target, "it starts at '" + t.from() + "', which is not a stage",
                            "Connect it to an existing stage or delete it");
                }
                if (!toKnown) {
                    error(ProblemCode.DANGLING_TRANSITION, target, "it leads to '" + t.to() + "', which is not a stage",
                            "Connect it to an existing stage or delete it");
                }
                if (fromKnown && stages.get(t.from()).isEnd()) {
                    error(ProblemCode.END_STAGE_HAS_TRANSITIONS, target, "it leaves end stage '" + t.from() + "'",
                            "Delete it, or make '" + t.from() + "' a task stage");
                }
                Integer earlier = firstIndexByEdgeKey.putIfAbsent(t.from() + "\u0000" + t.outcome(), i);
                if (earlier != null) {
                    error(ProblemCode.DUPLICATE_OUTCOME, target, "stage '" + t.from() + "' already has a transition for outcome '"
                            + t.outcome() + "' (#" + (earlier + 1) + "), so the choice would be ambiguous",
                            "Give each transition leaving a stage its own outcome");
                }
            }
        }

        void checkStart(Map<String, StageDefinition> stages) {
            if (definition.stages().isEmpty()) {
                return;
            }
            if (isBlank(definition.startStage())) {
                error(ProblemCode.MISSING_START_STAGE, ProblemTarget.wholeCase(), "no start stage is set",
                        "Set \"startStage\" to the stage that runs first");
            } else if (!stages.containsKey(definition.startStage())) {
                error(ProblemCode.UNKNOWN_START_STAGE, ProblemTarget.wholeCase(), "start stage '" + definition.startStage()
                        + "' is not a stage", "Set \"startStage\" to one of: " + String.join(", ", stages.keySet()));
            }
        }

        void checkGraph(Map<String, StageDefinition> stages) {
            if (stages.isEmpty()) {
                return;
            }
            Map<String, List<String>> forward = new HashMap<>();
            Map<String, List<String>> backward = new HashMap<>();
            for (TransitionDefinition t : definition.transitions()) {
                if (stages.containsKey(t.from()) && stages.containsKey(t.to())) {
                    forward.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t.to());
                    backward.computeIfAbsent(t.to(), k -> new ArrayList<>()).add(t.from());
                }
            }
            List<String> ends = stages.values().stream().filter(StageDefinition::isEnd).map(StageDefinition::name).toList();
            if (ends.isEmpty()) {
                error(ProblemCode.NO_END_STAGE, ProblemTarget.wholeCase(), "the case has no end stage, so no process can finish",
                        "Add a stage of kind \"end\" and connect the last stages to it");
            }
            Optional<String> start = Optional.ofNullable(definition.startStage()).filter(stages::containsKey);
            Set<String> reachable = start.map(s -> walk(List.of(s), forward)).orElse(Set.of());
            Set<String> canFinish = walk(ends, backward);
            for (StageDefinition stage : stages.values()) {
                ProblemTarget target = ProblemTarget.stage(stage.name());
                if (start.isPresent() && !reachable.contains(stage.name())) {
                    error(ProblemCode.UNREACHABLE_STAGE, target, "no path leads here from start stage '" + start.get() + "'",
                            "Connect a transition into it, or delete it");
                }
                if (!ends.isEmpty() && !canFinish.contains(stage.name())) {
                    boolean deadEnd = !forward.containsKey(stage.name());
                    error(ProblemCode.NO_PATH_TO_END, target, deadEnd
                                    ? "it has no outgoing transition and is not an end stage, so a process would stop here"
                                    : "no path leads from here to an end stage, so a process could never finish",
                            deadEnd ? "Add a transition to the next stage, or make it an end stage"
                                    : "Add a transition towards an end stage");
                }
            }
        }

        private Set<String> walk(List<String> from, Map<String, List<String>> edges) {
            Set<String> seen = new HashSet<>(from);
            Deque<String> todo = new ArrayDeque<>(from);
            while (!todo.isEmpty()) {
                for (String next : edges.getOrDefault(todo.pop(), List.of())) {
                    if (seen.add(next)) {
                        todo.push(next);
                    }
                }
            }
            return seen;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
