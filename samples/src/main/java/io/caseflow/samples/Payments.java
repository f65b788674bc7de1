package io.caseflow.samples;

import io.caseflow.message.ServiceRequest;
import io.caseflow.service.CommandResult;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The sample payment provider. Declines {@value #DECLINED_CARD} and amounts over the limit; a
 * {@value #FLAKY_CARD} fails the first charge of an order with an error (a retry of the process then
 * succeeds, since the retry is a new command with a new task id).
 */
final class Payments {
    static final String NAME = "payments";
    static final String DECLINED_CARD = "declined-card";
    static final String FLAKY_CARD = "flaky-card";
    static final BigDecimal LIMIT = new BigDecimal("5000");

    private Payments() {
    }

    static CommandResult charge(Connection tx, ServiceRequest request) throws SQLException {
        LedgerEntries.record(tx, request);
        String orderId = request.payload().path("orderId").asText();
        BigDecimal amount = request.payload().path("amount").decimalValue();
        String method = request.payload().path("method").asText("card");
        if (FLAKY_CARD.equals(method) && earlierCharges(tx, orderId) == 0) {
            record(tx, orderId, request.taskId(), amount, "ERROR", null);
            return CommandResult.rejected("card issuer did not answer (flaky card); retrying the process charges again");
        }
        if (DECLINED_CARD.equals(method) || amount.compareTo(LIMIT) > 0) {
            record(tx, orderId, request.taskId(), amount, "DECLINED", null);
            return CommandResult.outcome("declined", Map.of("reason", DECLINED_CARD.equals(method) ? "card declined" : "over limit"));
        }
        String receipt = "RCPT-" + orderId;
        record(tx, orderId, request.taskId(), amount, "PAID", receipt);
        return CommandResult.ok(Map.of("receipt", receipt, "amount", amount));
    }

    private static long earlierCharges(Connection tx, String orderId) throws SQLException {
        try (PreparedStatement select = tx.prepareStatement("SELECT COUNT(*) FROM charge WHERE order_id = ?")) {
            select.setString(1, orderId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void record(Connection tx, String orderId, String taskId, BigDecimal amount, String status, String receipt)
            throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement(
                "INSERT INTO charge (order_id, task_id, amount, status, receipt) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, orderId);
            insert.setString(2, taskId);
            insert.setBigDecimal(3, amount);
            insert.setString(4, status);
            insert.setString(5, receipt);
            insert.executeUpdate();
        }
    }
}
