package io.caseflow.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.caseflow.definition.CaseKey;
import io.caseflow.json.Json;
import io.caseflow.worker.WorkerRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link WorkerStore} on the process store's database (table {@code worker}, migration V2). Thread-safe. */
public final class JdbcWorkerStore implements WorkerStore {
    private static final String COLUMNS = "id, kind, host, pid, caseflow_version, started_at, last_seen, stopped_at, heartbeat_millis, "
            + "cases, handlers, services";

    private final Database database;

    public JdbcWorkerStore(Database database) {
        this.database = database;
    }

    @Override
    public void register(WorkerRecord worker) {
        database.inTransaction("register worker " + worker.id(), connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM worker WHERE id = ?")) {
                delete.setString(1, worker.id());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO worker (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, worker.id());
                insert.setString(2, worker.kind());
                insert.setString(3, worker.host());
                insert.setLong(4, worker.pid());
                insert.setString(5, worker.version());
                Jdbc.setInstant(insert, 6, worker.startedAt());
                Jdbc.setInstant(insert, 7, worker.lastSeenAt());
                Jdbc.setInstant(insert, 8, worker.stoppedAt());
                insert.setLong(9, worker.heartbeatInterval().toMillis());
                insert.setString(10, casesJson(worker.cases()));
                insert.setString(11, Json.write(worker.handlers()));
                insert.setString(12, Json.write(worker.services()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean heartbeat(WorkerRecord worker) {
        return database.inTransaction("refresh worker " + worker.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE worker SET last_seen = ?, cases = ?, handlers = ?, "
                    + "services = ? WHERE id = ? AND stopped_at IS NULL")) {
                Jdbc.setInstant(update, 1, worker.lastSeenAt());
                update.setString(2, casesJson(worker.cases()));
                update.setString(3, Json.write(worker.handlers()));
                update.setString(4, Json.write(worker.services()));
                update.setString(5, worker.id());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void markStopped(String workerId, Instant at) {
        database.inTransaction("mark worker " + workerId + " stopped", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE worker SET stopped_at = ?, last_seen = ? WHERE id = ?")) {
                Jdbc.setInstant(update, 1, at);
                Jdbc.setInstant(update, 2, at);
                update.setString(3, workerId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public List<WorkerRecord> all() {
        return database.read("list workers", connection -> {
            List<WorkerRecord> workers = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM worker ORDER BY started_at, id")) {
                select.setMaxRows(MAX_LISTED);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        workers.add(record(rs));
                    }
                }
            }
            return workers;
        });
    }

    @Override
    public int deleteSeenBefore(Instant cutoff, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, was " + batch);
        }
        // A bounded batch through a subquery (H2 and PostgreSQL both take it): a big backlog never holds one long transaction.
        return database.inTransaction("delete workers last seen before " + cutoff, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM worker WHERE id IN "
                    + "(SELECT id FROM worker WHERE last_seen < ? ORDER BY last_seen LIMIT ?)")) {
                Jdbc.setInstant(delete, 1, cutoff);
                delete.setInt(2, batch);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public void writeCounters(String workerId, List<CounterValue> counters) {
        database.inTransaction("write counters of worker " + workerId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM worker_counter WHERE worker_id = ?")) {
                delete.setString(1, workerId);
                delete.executeUpdate();
            }
            // Only for a record that exists, so a node whose record aged out writes nothing until it registers again.
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO worker_counter (worker_id, meter, tags, total) "
                    + "SELECT id, ?, ?, ? FROM worker WHERE id = ?")) {
                for (CounterValue counter : counters.subList(0, Math.min(counters.size(), MAX_COUNTERS))) {
                    insert.setString(1, counter.meter());
                    insert.setString(2, counter.tags());
                    insert.setLong(3, counter.value());
                    insert.setString(4, workerId);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<CounterValue> counterTotals() {
        return database.read("sum worker counters", connection -> {
            List<CounterValue> totals = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT meter, tags, SUM(total) AS total FROM worker_counter "
                    + "GROUP BY meter, tags ORDER BY meter, tags")) {
                select.setMaxRows(MAX_COUNTERS);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        totals.add(new CounterValue(rs.getString("meter"), rs.getString("tags"), rs.getLong("total")));
                    }
                }
            }
            return totals;
        });
    }

    private static WorkerRecord record(ResultSet rs) throws SQLException {
        List<CaseKey> cases = new ArrayList<>();
        for (JsonNode key : Json.parse(rs.getString("cases"))) {
            cases.add(new CaseKey(key.path("case").asText(), key.path("api").asText()));
        }
        return new WorkerRecord(rs.getString("id"), rs.getString("kind"), rs.getString("host"), rs.getLong("pid"),
                rs.getString("caseflow_version"), Jdbc.getInstant(rs, "started_at"), Jdbc.getInstant(rs, "last_seen"),
                Jdbc.getInstant(rs, "stopped_at"), Duration.ofMillis(rs.getLong("heartbeat_millis")), cases,
                strings(rs.getString("handlers")), strings(rs.getString("services")));
    }

    private static List<String> strings(String json) {
        List<String> values = new ArrayList<>();
        Json.parse(json).forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String casesJson(List<CaseKey> cases) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        cases.forEach(key -> array.addObject().put("case", key.name()).put("api", key.api()));
        return array.toString();
    }
}
