package io.caseflow.store;

import io.caseflow.commit.ClaimPolicy;
import io.caseflow.commit.StoredMessage;
import io.caseflow.message.OutboxMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Writing and deleting outbox rows inside a caller's transaction (a group commit, an append). */
final class OutboxRows {
    private OutboxRows() {
    }

    static List<StoredMessage> insert(Connection connection, List<OutboxMessage> messages, ClaimPolicy claims, Instant now)
            throws SQLException {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<StoredMessage> implied = new ArrayList<>();
        List<OutboxMessage> rows = new ArrayList<>(messages.size());
        for (OutboxMessage message : messages) {
            if (!message.availableAt().isAfter(now) && claims.impliedByProcessRow(message) && claims.ownerFor(message) != null) {
                implied.add(new StoredMessage(StoredMessage.NO_ROW, message.destination(), message.kind(), message.processId(),
                        message.body(), message.availableAt(), 1));
            } else {
                rows.add(message);
            }
        }
        if (rows.isEmpty()) {
            return implied;
        }
        return insertRows(connection, rows, claims, now, implied);
    }

    private static List<StoredMessage> insertRows(Connection connection, List<OutboxMessage> messages, ClaimPolicy claims,
                                                  Instant now, List<StoredMessage> implied) throws SQLException {
        List<StoredMessage> stored = new ArrayList<>(messages.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (destination, kind, process_id, body, "
                + "available_at, deliveries, claimed_by, claimed_until, created_at) VALUES (" + Jdbc.placeholders(9) + ")",
                new String[] {"id"})) {
            List<String> owners = new ArrayList<>(messages.size());
            for (OutboxMessage message : messages) {
                String owner = message.availableAt().isAfter(now) ? null : claims.ownerFor(message);
                owners.add(owner);
                insert.setString(1, message.destination());
                insert.setString(2, message.kind().name());
                insert.setString(3, message.processId());
                insert.setString(4, message.body());
                Jdbc.setInstant(insert, 5, message.availableAt());
                insert.setInt(6, owner == null ? 0 : 1);
                insert.setString(7, owner);
                Jdbc.setInstant(insert, 8, owner == null ? null : now.plus(claims.lease()));
                Jdbc.setInstant(insert, 9, now);
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                int i = 0;
                while (keys.next()) {
                    OutboxMessage message = messages.get(i);
                    stored.add(new StoredMessage(keys.getLong(1), message.destination(), message.kind(), message.processId(),
                            message.body(), message.availableAt(), owners.get(i) == null ? 0 : 1));
                    i++;
                }
                if (i != messages.size()) {
                    throw new SQLException("the database returned " + i + " keys for " + messages.size() + " outbox rows");
                }
            }
            List<StoredMessage> claimed = new ArrayList<>(implied);
            for (int i = 0; i < stored.size(); i++) {
                if (owners.get(i) != null) {
                    claimed.add(stored.get(i));
                }
            }
            return claimed;
        }
    }


    static void delete(Connection connection, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

}
