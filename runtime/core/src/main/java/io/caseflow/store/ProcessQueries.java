package io.caseflow.store;

import io.caseflow.definition.CaseKey;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.process.StageRunStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What monitors and the API read about processes: history, pages with filters, counts. Each method is one transaction. */
public final class ProcessQueries {
    private final Database database;

    public ProcessQueries(Database database) {
        this.database = database;
    }


    public List<StageRun> stageRuns(String processId) {
        return database.read("read history of " + processId, connection -> {
            List<StageRun> runs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT process_id, step, stage, attempt, status, started_at, ended_at, outcome, output, task_id, error, error_trace "
                            + "FROM stage_run WHERE process_id = ? ORDER BY step")) {
                select.setString(1, processId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        runs.add(new StageRun(rs.getString("process_id"), rs.getLong("step"), rs.getString("stage"),
                                rs.getInt("attempt"), StageRunStatus.valueOf(rs.getString("status")),
                                Jdbc.getInstant(rs, "started_at"), Jdbc.getInstant(rs, "ended_at"), rs.getString("outcome"),
                                Json.parse(database.dialect().readJson(rs, "output")), rs.getString("task_id"), rs.getString("error"),
                                rs.getString("error_trace")));
                    }
                }
            }
            return runs;
        });
    }

    public ProcessPage list(ProcessQuery query) {
        return database.read("list processes", connection -> {
            // Status and case select on the indexed status row (s); version, stage and text on the process row (p) it joins.
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (!query.statuses().isEmpty()) {
                where.append(" AND s.status IN (").append(Jdbc.placeholders(query.statuses().size())).append(')');
                query.statuses().forEach(s -> params.add(s.name()));
            }
            if (query.caseName() != null) {
                where.append(" AND s.case_name = ?");
                params.add(query.caseName());
            }
            if (query.caseApi() != null) {
                where.append(" AND s.case_api = ?");
                params.add(query.caseApi());
            }
            if (query.caseVersion() != null) {
                where.append(" AND p.case_version = ?");
                params.add(query.caseVersion());
            }
            if (query.stage() != null) {
                where.append(" AND p.current_stage = ?");
                params.add(query.stage());
            }
            boolean searchesData = query.text() != null && !query.text().isBlank();
            if (searchesData) {
                where.append(" AND (LOWER(p.id) LIKE ? OR LOWER(").append(database.dialect().jsonAsText("d.data")).append(") LIKE ?)");
                String pattern = "%" + query.text().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
                params.add(pattern);
                params.add(pattern);
            }
            long total;
            // Counting joins only the rows a filter reads: on the status row alone, a count of everything (or of a status)
            // is the index's own count; joining the process row made it a key lookup per process (a second at 50,000).
            boolean readsProcessRow = query.caseVersion() != null || query.stage() != null || searchesData;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*)" + (readsProcessRow ? ProcessStatusRows.FROM
                    : " FROM process_status s") + (searchesData ? ProcessRows.JOIN_PAYLOAD : "") + where)) {
                bind(count, params);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<ProcessSnapshot> page = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ProcessRows.SELECTED + ProcessStatusRows.FROM
                    + ProcessRows.JOIN_PAYLOAD + where + " ORDER BY p.id DESC LIMIT ? OFFSET ?")) {
                int next = bind(select, params);
                select.setInt(next, query.limit());
                select.setInt(next + 1, query.offset());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        page.add(ProcessRows.process(rs, database.dialect()));
                    }
                }
            }
            return new ProcessPage(ProcessResults.attach(connection, page, database.dialect()), total, query.offset());
        });
    }

    /**
     * How many processes of a case are at each stage, by status: what the monitor draws on the graph. The status row
     * knows the stage of every process that is not running; running ones are counted at their current stage.
     */
    public Map<String, Map<ProcessStatus, Long>> countsByStage(CaseKey key) {
        return database.read("count processes of " + key, connection -> {
            Map<String, Map<ProcessStatus, Long>> counts = new LinkedHashMap<>();
            String running = "'" + ProcessStatus.RUNNING.name() + "'";
            // One statement, so a process that settles between the two halves is counted once.
            try (PreparedStatement select = connection.prepareStatement("SELECT stage, status, COUNT(*) FROM process_status "
                    + "WHERE case_name = ? AND case_api = ? AND status <> " + running + " GROUP BY stage, status UNION ALL "
                    + "SELECT p.current_stage, s.status, COUNT(*)" + ProcessStatusRows.FROM + " WHERE s.case_name = ? AND s.case_api = ? "
                    + "AND s.status = " + running + " GROUP BY p.current_stage, s.status")) {
                select.setString(1, key.name());
                select.setString(2, key.api());
                select.setString(3, key.name());
                select.setString(4, key.api());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        counts.computeIfAbsent(rs.getString(1), s -> new EnumMap<>(ProcessStatus.class))
                                .put(ProcessStatus.valueOf(rs.getString(2)), rs.getLong(3));
                    }
                }
            }
            return counts;
        });
    }

    public Map<ProcessStatus, Long> countsByStatus() {
        return database.read("count processes", connection -> {
            Map<ProcessStatus, Long> counts = new EnumMap<>(ProcessStatus.class);
            try (PreparedStatement select = connection.prepareStatement("SELECT status, COUNT(*) FROM process_status GROUP BY status");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(ProcessStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private static int bind(PreparedStatement statement, List<Object> params) throws SQLException {
        int i = 1;
        for (Object param : params) {
            statement.setObject(i++, param);
        }
        return i;
    }
}
