package io.caseflow.samples;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.message.ServiceRequest;
import io.caseflow.service.CommandResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/** The sample warehouse: reserves and releases stock. */
final class Warehouse {
    static final String NAME = "warehouse";

    private Warehouse() {
    }

    static CommandResult reserveStock(Connection tx, ServiceRequest request) throws SQLException {
        LedgerEntries.record(tx, request);
        for (JsonNode item : request.payload().path("items")) {
            int updated = adjust(tx, "UPDATE stock SET available = available - ?, reserved = reserved + ? WHERE sku = ? AND available >= ?",
                    item);
            if (updated == 0) {
                return CommandResult.rejected("sku '" + item.path("sku").asText() + "' is unknown or out of stock");
            }
        }
        return CommandResult.ok(Map.of("reservation", "RES-" + request.payload().path("orderId").asText()));
    }

    static CommandResult releaseStock(Connection tx, ServiceRequest request) throws SQLException {
        LedgerEntries.record(tx, request);
        for (JsonNode item : request.payload().path("items")) {
            adjust(tx, "UPDATE stock SET available = available + ?, reserved = reserved - ? WHERE sku = ? AND ? >= 0", item);
        }
        return CommandResult.ok(Map.of("released", request.payload().path("orderId").asText()));
    }

    private static int adjust(Connection tx, String sql, JsonNode item) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement(sql)) {
            long qty = item.path("qty").asLong();
            update.setLong(1, qty);
            update.setLong(2, qty);
            update.setString(3, item.path("sku").asText());
            update.setLong(4, qty);
            return update.executeUpdate();
        }
    }
}
