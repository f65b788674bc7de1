package io.caseflow.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.json.Json;

/**
 * Whether a node can work: its store answers a {@code SELECT 1} (never a scan of the process table)
 * and its transport is connected. Names the node's installation, so a monitor subscribes to the right events.
 */
record NodeHealth(String installation, boolean store, boolean transport) {

    static NodeHealth of(CaseflowRuntime runtime) {
        boolean store;
        try {
            runtime.database().ping();
            store = true;
        } catch (RuntimeException e) {
            store = false;
        }
        return new NodeHealth(runtime.installation().name(), store, runtime.transport().isHealthy());
    }

    boolean up() {
        return store && transport;
    }

    ObjectNode toJson() {
        return Json.object().put("status", up() ? "UP" : "DOWN").put("installation", installation).put("store", store ? "UP" : "DOWN")
                .put("transport", transport ? "UP" : "DOWN");
    }
}
