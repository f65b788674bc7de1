package io.caseflow.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every stage's result, read from where it was written once: the output of the stage's latest run that
 * had one ({@code stage_run}, in step order, so a stage run again in a loop shows its newest result).
 * A transition writes only its own stage's run; rewriting all results in the process row on every
 * transition made its cost grow with everything the process had gathered (16 KB per stage: 20x slower).
 * Results were always also kept there, so migration V4 could drop the old copy in the process row.
 */
final class ProcessResults {
    /** Ids per query: well under every driver's limit on parameters. */
    private static final int CHUNK = 500;

    private ProcessResults() {
    }

    static ProcessSnapshot attach(Connection connection, ProcessSnapshot process) throws SQLException {
        return attach(connection, List.of(process)).get(0);
    }

    /** The same processes, each with its results completed from its stage runs; one query per {@value #CHUNK}. */
    static List<ProcessSnapshot> attach(Connection connection, List<ProcessSnapshot> processes) throws SQLException {
        if (processes.isEmpty()) {
            return processes;
        }
        Map<String, ObjectNode> results = new HashMap<>();
        for (int from = 0; from < processes.size(); from += CHUNK) {
            List<ProcessSnapshot> chunk = processes.subList(from, Math.min(processes.size(), from + CHUNK));
            read(connection, chunk.stream().map(ProcessSnapshot::id).toList(), results);
        }
        List<ProcessSnapshot> attached = new ArrayList<>(processes.size());
        for (ProcessSnapshot process : processes) {
            ObjectNode outputs = results.get(process.id());
            if (outputs == null) {
                attached.add(process);
            } else {
                attached.add(process.toBuilder().results(outputs).build());
            }
        }
        return attached;
    }

    private static void read(Connection connection, List<String> ids, Map<String, ObjectNode> into) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT process_id, stage, output FROM stage_run WHERE process_id IN ("
                + Jdbc.placeholders(ids.size()) + ") AND output IS NOT NULL ORDER BY process_id, step")) {
            Jdbc.bindAll(select, 1, ids);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    JsonNode output = Json.parse(rs.getString(3));
                    into.computeIfAbsent(rs.getString(1), id -> Json.object()).set(rs.getString(2), output);
                }
            }
        }
    }
}
