package io.caseflow.store;

import io.caseflow.audit.AuditEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The audit trail in the store ({@code audit_event}): appended once per action, read newest first. */
public final class JdbcAuditLog {
    /** The most events one read returns. */
    public static final int MAX_LIMIT = 1000;

    private final Database database;

    public JdbcAuditLog(Database database) {
        this.database = database;
    }

    public void append(AuditEvent event) {
        database.inTransaction("record an audit event", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (occurred_at, actor, role, action, process_id, "
                    + "case_name, case_api, status, outcome, remote, trace_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Jdbc.setInstant(insert, 1, event.at());
                insert.setString(2, cut(event.actor(), 100));
                insert.setString(3, cut(event.role(), 20));
                insert.setString(4, cut(event.action(), 300));
                insert.setString(5, cut(event.processId(), 64));
                insert.setString(6, cut(event.caseName(), 200));
                insert.setString(7, cut(event.api(), 100));
                insert.setInt(8, event.status());
                insert.setString(9, cut(event.outcome(), 500));
                insert.setString(10, cut(event.remote(), 300));
                insert.setString(11, cut(event.traceId(), 32));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Events newest first, optionally only those about {@code processId} or by {@code actor}, older than the event
     * {@code beforeId} (paging; 0 for the newest), at most {@code limit} (1 to {@value #MAX_LIMIT}).
     */
    public List<AuditEvent> list(String processId, String actor, long beforeId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor, role, action, process_id, case_name, case_api, status, outcome, "
                + "remote, trace_id FROM audit_event WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (processId != null) {
            sql.append(" AND process_id = ?");
            values.add(processId);
        }
        if (actor != null) {
            sql.append(" AND actor = ?");
            values.add(actor);
        }
        if (beforeId > 0) {
            sql.append(" AND id < ?");
            values.add(beforeId);
        }
        sql.append(" ORDER BY id DESC");
        return database.read("read the audit trail", connection -> {
            List<AuditEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    select.setObject(i + 1, values.get(i));
                }
                select.setMaxRows(limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        events.add(new AuditEvent(rs.getLong("id"), Jdbc.getInstant(rs, "occurred_at"), rs.getString("actor"), rs.getString("role"),
                                rs.getString("action"), rs.getString("process_id"), rs.getString("case_name"), rs.getString("case_api"),
                                rs.getInt("status"), rs.getString("outcome"), rs.getString("remote"), rs.getString("trace_id")));
                    }
                }
            }
            return events;
        });
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
