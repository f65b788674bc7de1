package io.caseflow.samples;

import io.caseflow.message.ServiceRequest;
import io.caseflow.service.CommandResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/** The sample carrier: creates one shipment per order. */
final class Shipping {
    static final String NAME = "shipping";

    private Shipping() {
    }

    static CommandResult createShipment(Connection tx, ServiceRequest request) throws SQLException {
        LedgerEntries.record(tx, request);
        String orderId = request.payload().path("orderId").asText();
        String shipmentId = "SHP-" + orderId;
        try (PreparedStatement insert = tx.prepareStatement("INSERT INTO shipment (shipment_id, order_id, address) VALUES (?, ?, ?)")) {
            insert.setString(1, shipmentId);
            insert.setString(2, orderId);
            insert.setString(3, request.payload().path("address").asText());
            insert.executeUpdate();
        }
        return CommandResult.ok(Map.of("shipmentId", shipmentId));
    }
}
