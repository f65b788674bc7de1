package io.caseflow.samples;

import io.caseflow.message.ServiceRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Writes a sample service's ledger row, inside the command's transaction. */
final class LedgerEntries {
    private LedgerEntries() {
    }

    static void record(Connection tx, ServiceRequest request) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement(
                "INSERT INTO ledger (task_id, command, order_id, applied_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, request.taskId());
            insert.setString(2, request.command());
            insert.setString(3, request.payload().path("orderId").asText());
            insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
