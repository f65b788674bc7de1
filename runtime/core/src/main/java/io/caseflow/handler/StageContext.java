package io.caseflow.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.definition.CaseKey;
import io.caseflow.json.Json;
import io.caseflow.json.JsonText;
import io.caseflow.process.StageResults;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a handler sees of its process, and the ways out ({@link #next()}, {@link #next(String)},
 * {@link #callService(Object)}, {@link #complete(Object)}, {@link #fail(String)}).
 *
 * <p>Made fresh for each run, on the worker thread that runs the handler. What the process carries is shared with the
 * store, which keeps it per step: the input, results and reply handed out are copies, made when asked for, and
 * {@link ProcessData} copies what is read or changed, so a handler may change what it gets without changing history,
 * and one that reads nothing copies nothing.
 */
public final class StageContext {
    private final String processId;
    private final CaseKey caseKey;
    private final int caseVersion;
    private final String stage;
    private final int attempt;
    private final JsonText input; // shared with the store
    private JsonNode inputCopy; // what input() handed out, parsed on first use
    private final StageResults results; // parsed afresh for each ask: what a handler gets is its own
    private final String replyFrom;
    private final ProcessData data;
    private final String defaultCommand;

    public StageContext(String processId, CaseKey caseKey, int caseVersion, String stage, int attempt, JsonText input,
                        StageResults results, String replyFrom, ProcessData data, String defaultCommand) {
        this.processId = processId;
        this.caseKey = caseKey;
        this.caseVersion = caseVersion;
        this.stage = stage;
        this.attempt = attempt;
        this.input = input;
        this.results = results;
        this.replyFrom = replyFrom;
        this.data = data;
        this.defaultCommand = defaultCommand;
    }

    public String processId() {
        return processId;
    }

    public CaseKey caseKey() {
        return caseKey;
    }

    public int caseVersion() {
        return caseVersion;
    }

    /** The stage being run. */
    public String stage() {
        return stage;
    }

    /** 1 for the first attempt of this stage, 2 for the first retry, and so on. */
    public int attempt() {
        return attempt;
    }

    /** The input the process was started with: a tree of its own, parsed on first use, that the handler may change. */
    public JsonNode input() {
        if (inputCopy == null) {
            inputCopy = input.tree();
        }
        return inputCopy;
    }

    /** The input read as {@code type}: straight from its text, or from {@link #input()}'s tree once that was asked for. */
    public <T> T input(Class<T> type) {
        return inputCopy == null ? input.as(type) : Json.convert(inputCopy, type);
    }

    /** A copy of the committed result of an earlier stage: what its handler completed with, or its service's reply. */
    public Optional<JsonNode> result(String stageName) {
        return Optional.ofNullable(results.get(stageName));
    }

    /** Copies of every earlier stage's result, by stage name. */
    public Map<String, JsonNode> results() {
        Map<String, JsonNode> copies = new LinkedHashMap<>();
        results.stages().forEach(name -> copies.put(name, results.get(name)));
        return Collections.unmodifiableMap(copies);
    }

    /** A copy of the reply payload of the service call that led to this stage, if the previous stage called a service. */
    public Optional<JsonNode> reply() {
        return Optional.ofNullable(replyFrom).map(results::get);
    }

    public ProcessData data() {
        return data;
    }

    /** Go along the default transition (the seed's {@code next()}). */
    public StageOutcome next() {
        return StageOutcome.next();
    }

    /** Go along the transition with this outcome, or to this stage (the seed's {@code next({...})}). */
    public StageOutcome next(String outcomeOrStage) {
        return StageOutcome.next(outcomeOrStage);
    }

    /** Like {@link #next(String)}, recording {@code result} as this stage's result. */
    public StageOutcome next(String outcomeOrStage, Object result) {
        return StageOutcome.next(outcomeOrStage, result);
    }

    /** Send the stage's command to its service with this payload; the reply moves the process on. */
    public StageOutcome callService(Object payload) {
        return StageOutcome.callService(defaultCommand, payload);
    }

    /** Like {@link #callService(Object)} with another command of the same service. */
    public StageOutcome callService(String command, Object payload) {
        return StageOutcome.callService(command, payload);
    }

    public StageOutcome complete(Object result) {
        return StageOutcome.complete(result);
    }

    public StageOutcome fail(String reason) {
        return StageOutcome.fail(reason);
    }

    public StageOutcome failPermanently(String reason) {
        return StageOutcome.failPermanently(reason);
    }
}
