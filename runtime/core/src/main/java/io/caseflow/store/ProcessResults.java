package io.caseflow.store;

import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.StageResults;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    static ProcessSnapshot attach(Connection connection, ProcessSnapshot process, SqlDialect dialect) throws SQLException {
        return attach(connection, List.of(process), dialect).get(0);
    }

    /** The same processes, each with its results from its stage runs; one query per {@value #CHUNK}. */
    static List<ProcessSnapshot> attach(Connection connection, List<ProcessSnapshot> processes, SqlDialect dialect) throws SQLException {
        if (processes.isEmpty()) {
            return processes;
        }
        Map<String, StageResults> results = read(connection, processes.stream().map(ProcessSnapshot::id).toList(), dialect);
        List<ProcessSnapshot> attached = new ArrayList<>(processes.size());
        for (ProcessSnapshot process : processes) {
            StageResults outputs = results.get(process.id());
            attached.add(outputs == null ? process : process.toBuilder().results(outputs).build());
        }
        return attached;
    }

    /** The results of these processes by id (absent: none yet), as stored: nothing is parsed until asked for. */
    static Map<String, StageResults> read(Connection connection, List<String> ids, SqlDialect dialect)
            throws SQLException {
        Map<String, Map<String, byte[]>> outputs = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement select = connection.prepareStatement("SELECT process_id, stage, output FROM stage_run WHERE "
                    + "process_id IN (" + Jdbc.placeholders(chunk.size()) + ") AND output IS NOT NULL ORDER BY process_id, step")) {
                Jdbc.bindAll(select, 1, chunk);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        outputs.computeIfAbsent(id, any -> new LinkedHashMap<>()).put(rs.getString(2), dialect.readJson(rs, 3));
                    }
                }
            }
        }
        Map<String, StageResults> results = new HashMap<>();
        outputs.forEach((id, encoded) -> results.put(id, StageResults.ofEncoded(encoded)));
        return results;
    }
}
