package io.caseflow.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.json.Json;

/**
 * What a command did: {@link #ok} with an outcome and a payload, or {@link #rejected} with a reason
 * (a business refusal that is final and is stored, so a repeat gets the same answer).
 */
public record CommandResult(boolean accepted, String outcome, JsonNode payload, String reason) {

    public static CommandResult ok(Object payload) {
        return new CommandResult(true, "ok", Json.tree(payload), null);
    }

    public static CommandResult outcome(String outcome, Object payload) {
        return new CommandResult(true, outcome, Json.tree(payload), null);
    }

    public static CommandResult rejected(String reason) {
        return new CommandResult(false, null, null, reason);
    }
}
