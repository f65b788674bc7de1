package io.caseflow.store;

import io.caseflow.commit.Commit;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code process_status} row (migration V11): a process's case, status and settled stage, which carries the indexes
 * the process row no longer has, so that a transition, which updates the process row, writes no index entry. The row is
 * written at the start and then only when it would change: a new status, or a process that is not running settling at
 * another stage. A running process's stage here is where it started running; readers take the current one from
 * {@code process} ({@link #FROM}).
 */
final class ProcessStatusRows {
    /** Drives a selection from the indexed status row ({@code s}) and joins the process row ({@code p}) by its key. */
    static final String FROM = " FROM process_status s JOIN process p ON p.id = s.process_id";

    private ProcessStatusRows() {
    }

    static void insert(Connection connection, ProcessSnapshot process) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO process_status (process_id, case_name, case_api, "
                + "status, stage, changed_at) VALUES (" + Jdbc.placeholders(6) + ")")) {
            insert.setString(1, process.id());
            insert.setString(2, process.caseKey().name());
            insert.setString(3, process.caseKey().api());
            insert.setString(4, process.status().name());
            insert.setString(5, process.currentStage());
            Jdbc.setInstant(insert, 6, process.updatedAt());
            insert.executeUpdate();
        }
    }

    /**
     * Follows the applied commits that may move the status ({@link Commit#movesStatus()}: a stage that hands on to the next
     * does not, and costs nothing here). One batched statement whose condition also leaves the row alone when nothing it
     * holds changed.
     */
    static void follow(Connection connection, List<Commit> commits, List<Boolean> applied) throws SQLException {
        List<ProcessSnapshot> moved = new ArrayList<>();
        for (int i = 0; i < commits.size(); i++) {
            if (applied.get(i) && commits.get(i).movesStatus()) {
                moved.add(commits.get(i).next());
            }
        }
        if (moved.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE process_status SET status = ?, stage = ?, changed_at = ? "
                + "WHERE process_id = ? AND (status <> ? OR (stage <> ? AND status <> '" + ProcessStatus.RUNNING.name() + "'))")) {
            for (ProcessSnapshot p : moved) {
                update.setString(1, p.status().name());
                update.setString(2, p.currentStage());
                Jdbc.setInstant(update, 3, p.updatedAt());
                update.setString(4, p.id());
                update.setString(5, p.status().name());
                update.setString(6, p.currentStage());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
