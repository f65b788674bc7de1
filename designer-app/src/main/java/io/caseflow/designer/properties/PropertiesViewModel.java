package io.caseflow.designer.properties;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.Durations;
import io.caseflow.designer.editor.EditCommand;
import io.caseflow.designer.editor.EditRejectedException;
import io.caseflow.designer.editor.Edits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The property sheet's logic: which fields the selection has (a stage, a transition, or the case
 * when nothing is selected) and what typing a value into one means, as an undoable edit. Plain
 * Java, tested without the toolkit; the pane only lays the fields out and calls {@link #commit}.
 *
 * <pre>{@code
 * PropertiesViewModel vm = new PropertiesViewModel(document, registry::names);
 * vm.commit(PropertiesViewModel.TIMEOUT, "45s");   // Optional.empty(): done, undoable
 * vm.commit(PropertiesViewModel.TIMEOUT, "soon");  // Optional.of("'soon' is not a duration; ...")
 * }</pre>
 */
public final class PropertiesViewModel {
    public enum Type { TEXT, CHOICE, EDITABLE_CHOICE, BOOLEAN, READ_ONLY, SECTION }

    /** One row of the sheet. */
    public record Field(String key, String label, Type type, String value, List<String> choices, boolean enabled, String help) {
    }

    public static final String CASE_NAME = "case.name";
    public static final String CASE_API = "case.api";
    public static final String CASE_VERSION = "case.version";
    public static final String CASE_DESCRIPTION = "case.description";
    public static final String CASE_START = "case.start";
    public static final String NAME = "stage.name";
    public static final String KIND = "stage.kind";
    public static final String IS_START = "stage.start";
    public static final String LANE = "stage.lane";
    public static final String HANDLER = "stage.handler";
    public static final String SERVICE = "stage.service";
    public static final String COMMAND = "stage.command";
    public static final String TIMEOUT = "stage.timeout";
    public static final String REPLY_TIMEOUT = "stage.replyTimeout";
    public static final String RETRY_ATTEMPTS = "retry.maxAttempts";
    public static final String RETRY_BACKOFF = "retry.backoff";
    public static final String RETRY_MULTIPLIER = "retry.multiplier";
    public static final String RETRY_MAX_BACKOFF = "retry.maxBackoff";
    public static final String FROM = "transition.from";
    public static final String TO = "transition.to";
    public static final String OUTCOME = "transition.outcome";

    private final CaseDocument document;
    private final Supplier<Collection<String>> knownHandlers;

    public PropertiesViewModel(CaseDocument document, Supplier<Collection<String>> knownHandlers) {
        this.document = document;
        this.knownHandlers = knownHandlers;
    }

    /** The heading above the fields. */
    public String title() {
        var sel = document.selection();
        if (sel.isEmpty()) {
            return "Case";
        }
        if (sel.singleStage().isPresent()) {
            return document.definition().stage(sel.singleStage().get()).map(s -> kindLabel(s.kind()) + " stage").orElse("Stage");
        }
        if (sel.singleTransition().isPresent()) {
            return "Transition";
        }
        return sel.stages().size() + " stages, " + sel.transitions().size() + " transitions selected";
    }

    public List<Field> fields() {
        CaseDefinition d = document.definition();
        var sel = document.selection();
        List<Field> out = new ArrayList<>();
        if (sel.isEmpty()) {
            out.add(text(CASE_NAME, "Case name", d.name(), "Letters, digits, '-', '_' and '.'; part of queue names and URLs"));
            out.add(text(CASE_API, "API", d.api(), "The api version clients call, e.g. v1"));
            out.add(new Field(CASE_VERSION, "Version", Type.READ_ONLY, d.version() == 0 ? "assigned on deploy" : "v" + d.version(),
                    List.of(), false, "Assigned by the runtime on deploy"));
            out.add(new Field(CASE_START, "Start stage", Type.CHOICE, nullToEmpty(d.startStage()),
                    d.stages().stream().map(StageDefinition::name).toList(), !d.stages().isEmpty(), "The stage every process begins with"));
            out.add(text(CASE_DESCRIPTION, "Description", d.description(), "What the case does, for people"));
            return out;
        }
        Optional<StageDefinition> stage = sel.singleStage().flatMap(d::stage);
        if (stage.isPresent()) {
            StageDefinition s = stage.get();
            boolean service = s.kind() == StageKind.SERVICE;
            out.add(text(NAME, "Name", s.name(), "Unique within the case; transitions follow a rename"));
            out.add(new Field(KIND, "Kind", Type.CHOICE, s.kind().jsonName(),
                    Arrays.stream(StageKind.values()).map(StageKind::jsonName).toList(), true,
                    "task: runs its handler; service: sends a command to a service and waits for the reply; end: finishes the process"));
            out.add(new Field(IS_START, "Start stage", Type.BOOLEAN, Boolean.toString(s.name().equals(d.startStage())), List.of(),
                    true, "Processes begin here"));
            out.add(new Field(LANE, "Lane", Type.EDITABLE_CHOICE, nullToEmpty(s.layout().lane()), lanes(d), true,
                    "The swimlane (pool, role) the stage is drawn in; draw.io export puts it in that lane. Empty: no lane"));
            out.add(new Field(HANDLER, "Handler", Type.EDITABLE_CHOICE, nullToEmpty(s.handler()),
                    knownHandlers.get().stream().sorted().toList(), true, "The Java handler a worker runs, by registered name"));
            out.add(section("Service call"));
            out.add(new Field(SERVICE, "Service", Type.TEXT, nullToEmpty(s.service()), List.of(), service, "The service the request goes to"));
            out.add(new Field(COMMAND, "Command", Type.TEXT, nullToEmpty(s.command()), List.of(), service, "What the service is asked to do"));
            out.add(section("Timing"));
            out.add(text(TIMEOUT, "Timeout", Durations.format(s.timeout()), "Longest run of the handler, e.g. 30s, 5m"));
            out.add(new Field(REPLY_TIMEOUT, "Reply timeout", Type.TEXT, Durations.format(s.replyTimeout()), List.of(), service,
                    "How long to wait for the service's reply before asking again (same task id)"));
            RetryPolicy r = s.retry();
            out.add(section("Retry"));
            out.add(text(RETRY_ATTEMPTS, "Attempts", Integer.toString(r.maxAttempts()), "1 means no retry"));
            out.add(text(RETRY_BACKOFF, "First wait", Durations.format(r.backoff()), "Wait before the second attempt"));
            out.add(text(RETRY_MULTIPLIER, "Multiplier", number(r.multiplier()), "Each wait is the previous one times this"));
            out.add(text(RETRY_MAX_BACKOFF, "Longest wait", Durations.format(r.maxBackoff()), "Waits never exceed this"));
            return out;
        }
        Optional<Integer> edge = sel.singleTransition().filter(i -> i < d.transitions().size());
        if (edge.isPresent()) {
            TransitionDefinition t = d.transitions().get(edge.get());
            List<String> names = d.stages().stream().map(StageDefinition::name).toList();
            out.add(new Field(FROM, "From", Type.CHOICE, t.from(), names, true, "The stage that ends"));
            out.add(new Field(TO, "To", Type.CHOICE, t.to(), names, true, "The stage that runs next"));
            out.add(text(OUTCOME, "Outcome", t.outcome(),
                    "'next' for a plain next(); a branch name (next(\"approved\")) or a service reply outcome (ok, declined)"));
        }
        return out;
    }

    /** Applies {@code value} to field {@code key}; returns the sentence to show when it cannot. */
    public Optional<String> commit(String key, String value) {
        String v = value == null ? "" : value.strip();
        try {
            Optional<EditCommand> command = command(key, v);
            command.ifPresent(document::execute);
            return Optional.empty();
        } catch (EditRejectedException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<EditCommand> command(String key, String v) {
        CaseDefinition d = document.definition();
        var sel = document.selection();
        switch (key) {
            case CASE_NAME:
                return Optional.of(Edits.updateCase("Set case name", c -> c.withIdentity(v, c.api())));
            case CASE_API:
                return Optional.of(Edits.updateCase("Set API", c -> c.withIdentity(c.name(), v)));
            case CASE_DESCRIPTION:
                return Optional.of(Edits.updateCase("Set description", c -> new CaseDefinition(c.name(), c.api(), c.version(),
                        v.isEmpty() ? null : v, c.startStage(), c.stages(), c.transitions())));
            case CASE_START:
                return Optional.of(Edits.updateCase("Set start stage", c -> c.withStartStage(v.isEmpty() ? null : v)));
            default:
                break;
        }
        if (key.startsWith("transition.")) {
            int index = sel.singleTransition().orElseThrow(() -> new EditRejectedException("Select one transition first."));
            TransitionDefinition t = d.transitions().get(index);
            return Optional.of(switch (key) {
                case FROM -> Edits.reconnect(index, v, t.to());
                case TO -> Edits.reconnect(index, t.from(), v);
                default -> Edits.setOutcome(index, v);
            });
        }
        String stage = sel.singleStage().orElseThrow(() -> new EditRejectedException("Select one stage first."));
        StageDefinition s = d.stage(stage).orElseThrow(() -> new EditRejectedException("The stage no longer exists."));
        return Optional.of(switch (key) {
            case NAME -> Edits.rename(stage, v);
            case KIND -> {
                StageKind kind = StageKind.fromJson(v);
                yield update(stage, "Make '" + stage + "' a " + kind.jsonName() + " stage", st -> kind == StageKind.SERVICE
                        ? st.withKind(kind)
                        : new StageDefinition(st.name(), kind, st.handler(), null, null, st.timeout(), null, st.retry(), st.layout()));
            }
            case IS_START -> Edits.updateCase("Set start stage", c -> Boolean.parseBoolean(v) ? c.withStartStage(stage)
                    : stage.equals(c.startStage()) ? c.withStartStage(null) : c);
            case LANE -> Edits.setLane(stage, v);
            case HANDLER -> update(stage, "Set handler", st -> st.withHandler(v));
            case SERVICE -> update(stage, "Set service", st -> st.withService(v, st.command()));
            case COMMAND -> update(stage, "Set command", st -> st.withService(st.service(), v));
            case TIMEOUT -> {
                Duration timeout = Durations.parse(v);
                yield update(stage, "Set timeout", st -> st.withTimeout(timeout));
            }
            case REPLY_TIMEOUT -> {
                Duration reply = v.isEmpty() ? null : Durations.parse(v);
                yield update(stage, "Set reply timeout", st -> st.withReplyTimeout(reply));
            }
            case RETRY_ATTEMPTS -> {
                int attempts = parseInt(v, "Retry attempts");
                yield retry(stage, r -> new RetryPolicy(attempts, r.backoff(), r.multiplier(), r.maxBackoff()));
            }
            case RETRY_BACKOFF -> {
                Duration backoff = Durations.parse(v);
                yield retry(stage, r -> new RetryPolicy(r.maxAttempts(), backoff, r.multiplier(), r.maxBackoff()));
            }
            case RETRY_MULTIPLIER -> {
                double m = parseDouble(v, "Retry multiplier");
                yield retry(stage, r -> new RetryPolicy(r.maxAttempts(), r.backoff(), m, r.maxBackoff()));
            }
            case RETRY_MAX_BACKOFF -> {
                Duration max = Durations.parse(v);
                yield retry(stage, r -> new RetryPolicy(r.maxAttempts(), r.backoff(), r.multiplier(), max));
            }
            default -> throw new IllegalArgumentException("unknown property " + key);
        });
    }

    /** The lanes the case's stages sit in, to pick from; sorted, each once. */
    private static List<String> lanes(CaseDefinition d) {
        return d.stages().stream().map(st -> st.layout().lane()).filter(Objects::nonNull).distinct().sorted().toList();
    }

    private static EditCommand update(String stage, String label, UnaryOperator<StageDefinition> change) {
        return Edits.updateStage(stage, label + " of '" + stage + "'", change);
    }

    private static EditCommand retry(String stage, UnaryOperator<RetryPolicy> change) {
        return update(stage, "Set retry", st -> st.withRetry(change.apply(st.retry())));
    }

    private static int parseInt(String v, String what) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + v + "' is not a whole number");
        }
    }

    private static double parseDouble(String v, String what) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + v + "' is not a number");
        }
    }

    private static Field section(String title) {
        return new Field("section." + title, title, Type.SECTION, "", List.of(), true, "");
    }

    private static Field text(String key, String label, String value, String help) {
        return new Field(key, label, Type.TEXT, nullToEmpty(value), List.of(), true, help);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) + ".0" : Double.toString(d);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public static String kindLabel(StageKind kind) {
        return switch (kind) {
            case TASK -> "Task";
            case SERVICE -> "Service";
            case END -> "End";
        };
    }
}
