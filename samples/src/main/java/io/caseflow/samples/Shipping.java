package io.caseflow.samples;

import io.caseflow.message.ServiceRequest;
import io.caseflow.service.CommandResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** The sample carrier: creates one shipment per order. */
final class Shipping {
    static final String NAME = "shipping";

    private Shipping() {
    }

    static CommandResult createShipment(Connection tx, ServiceRequest request) throws SQLException {
        String orderId = request.payload().path("orderId").asText();
        String shipmentId = "SHP-" + orderId;
        // Another process for the same order id (a client that reused it): refuse, naming the order, rather than fail on
        // the key every time the request comes back until the engine gives up waiting for a reply. A repeat of the same
        // request never gets here: the inbox answers it.
        try (PreparedStatement existing = tx.prepareStatement("SELECT shipment_id FROM shipment WHERE shipment_id = ?")) {
            existing.setString(1, shipmentId);
            try (ResultSet rs = existing.executeQuery()) {
                if (rs.next()) {
                    return CommandResult.rejected("order " + orderId + " already has shipment " + shipmentId
                            + ", created for another request; an order ships once");
                }
            }
        }
        LedgerEntries.record(tx, request);
        try (PreparedStatement insert = tx.prepareStatement("INSERT INTO shipment (shipment_id, order_id, address) VALUES (?, ?, ?)")) {
            insert.setString(1, shipmentId);
            insert.setString(2, orderId);
            insert.setString(3, request.payload().path("address").asText());
            insert.executeUpdate();
        }
        return CommandResult.ok(Map.of("shipmentId", shipmentId));
    }
}
