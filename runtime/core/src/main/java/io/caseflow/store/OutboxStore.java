package io.caseflow.store;

import io.caseflow.commit.ClaimPolicy;
import io.caseflow.commit.StoredMessage;
import io.caseflow.definition.CaseKey;
import io.caseflow.installation.Installation;
import io.caseflow.message.DeadLetter;
import io.caseflow.message.MalformedMessageException;
import io.caseflow.message.Messages;
import io.caseflow.message.OutboxMessage;
import io.caseflow.message.StageDue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Outbox rows as a durable queue: claim what is due, delete what was handled, move what cannot be
 * handled to the dead letters. Used by the embedded transport (which consumes rows directly) and
 * the RabbitMQ relay (which publishes them). Thread-safe.
 */
public final class OutboxStore {
    private final Database database;
    private final Clock clock;

    public OutboxStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} due rows for these destinations that nobody holds (or whose lease ran
     * out), oldest first, for {@code owner} until {@code leaseUntil}.
     */
    public List<StoredMessage> claimDue(Collection<String> destinations, String owner, Instant leaseUntil, int limit) {
        if (destinations.isEmpty()) {
            return List.of();
        }
        return claim(" destination IN (" + Jdbc.placeholders(destinations.size()) + ") AND", destinations, owner, leaseUntil, limit);
    }

    /** Like {@link #claimDue} for every destination: what a relay to a broker takes. */
    public List<StoredMessage> claimDueAnywhere(String owner, Instant leaseUntil, int limit) {
        return claim("", List.of(), owner, leaseUntil, limit);
    }

    private List<StoredMessage> claim(String destinationFilter, Collection<String> destinations, String owner, Instant leaseUntil,
                                      int limit) {
        Instant now = clock.instant();
        return database.inTransaction("claim due messages", connection -> {
            List<StoredMessage> claimed = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, destination, kind, process_id, body, "
                    + "available_at, deliveries FROM outbox WHERE" + destinationFilter
                    + " available_at <= ? AND (claimed_by IS NULL OR claimed_until < ?) ORDER BY available_at, id LIMIT ?"
                    + database.dialect().lockForClaim())) {
                int i = Jdbc.bindAll(select, 1, destinations);
                Jdbc.setInstant(select, i, now);
                Jdbc.setInstant(select, i + 1, now);
                select.setInt(i + 2, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new StoredMessage(rs.getLong("id"), rs.getString("destination"),
                                OutboxMessage.Kind.valueOf(rs.getString("kind")), rs.getString("process_id"), rs.getString("body"),
                                Jdbc.getInstant(rs, "available_at"), rs.getInt("deliveries") + 1));
                    }
                }
            }
            if (claimed.isEmpty()) {
                return claimed;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET claimed_by = ?, claimed_until = ?, deliveries = deliveries + 1 WHERE id = ?")) {
                for (StoredMessage message : claimed) {
                    update.setString(1, owner);
                    Jdbc.setInstant(update, 2, leaseUntil);
                    update.setLong(3, message.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return claimed;
        });
    }

    /** The earliest time a row for these destinations becomes due and unclaimed, if any: when to poll next. */
    public Optional<Instant> nextDue(Collection<String> destinations) {
        if (destinations.isEmpty()) {
            return Optional.empty();
        }
        return database.read("find next due message", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT MIN(available_at) AS next_due FROM outbox "
                    + "WHERE destination IN (" + Jdbc.placeholders(destinations.size()) + ") AND claimed_by IS NULL")) {
                Jdbc.bindAll(select, 1, destinations);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return Optional.ofNullable(Jdbc.getInstant(rs, "next_due"));
                }
            }
        });
    }

    /** Removes handled rows (an acknowledgement). */
    public void delete(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        database.inTransaction("acknowledge " + ids.size() + " message(s)", connection -> {
            OutboxRows.delete(connection, ids);
            return null;
        });
    }

    /** Gives rows back: unclaimed, due again at {@code availableAt}. */
    public void release(Collection<Long> ids, Instant availableAt) {
        if (ids.isEmpty()) {
            return;
        }
        database.inTransaction("release " + ids.size() + " message(s)", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL, available_at = ? WHERE id = ?")) {
                for (long id : ids) {
                    Jdbc.setInstant(update, 1, availableAt);
                    update.setLong(2, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    /** Drops every claim: an embedded runtime that owns its database calls this once at start. */
    public int releaseAllClaims() {
        return database.inTransaction("release claims", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by IS NOT NULL")) {
                return update.executeUpdate();
            }
        });
    }

    /**
     * Writes a due-now stage message for every running process that has none, and returns how many: an embedded runtime
     * keeps no row for a stage it hands on in memory (the process row implies it, {@code ClaimPolicy.impliedByProcessRow}),
     * so at start this brings back what a stop or a crash left. A process whose stage message for its current step was
     * dead-lettered (and not replayed or discarded) gets none: the dead letter stands, as it would for a row.
     */
    public int restoreImpliedStageDues(Installation installation) {
        Instant now = clock.instant();
        return database.inTransaction("restore the stage messages of running processes", connection -> {
            List<StageDue> dues = new ArrayList<>();
            List<CaseKey> keys = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT p.id, p.case_name, p.case_api, p.step, "
                    + "p.current_stage FROM process_status s JOIN process p ON p.id = s.process_id WHERE s.status = 'RUNNING' "
                    + "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.process_id = p.id AND o.kind = 'STAGE_DUE')");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    dues.add(new StageDue(rs.getString("id"), rs.getLong("step"), rs.getString("current_stage")));
                    keys.add(new CaseKey(rs.getString("case_name"), rs.getString("case_api")));
                }
            }
            List<OutboxMessage> restored = new ArrayList<>(dues.size());
            for (int i = 0; i < dues.size(); i++) {
                StageDue due = dues.get(i);
                if (!isDeadLettered(connection, due)) {
                    restored.add(OutboxMessage.stageDue(installation, keys.get(i), due, now));
                }
            }
            OutboxRows.insert(connection, restored, ClaimPolicy.NONE, now);
            return restored.size();
        });
    }

    /** Whether a dead letter still standing carries this stage message (same process and step). */
    private static boolean isDeadLettered(Connection connection, StageDue due) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT body FROM dead_letter WHERE process_id = ? AND state = 'DEAD'")) {
            select.setString(1, due.processId());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (isStageDueAt(rs.getString(1), due.step())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static boolean isStageDueAt(String body, long step) {
        try {
            return Messages.parseInner(body) instanceof StageDue due && due.step() == step;
        } catch (MalformedMessageException e) {
            return false; // another kind of message, or one that never parsed: not this stage's
        }
    }

    /** Moves a row to the dead letters with the reason, in one transaction. */
    public void deadLetter(StoredMessage message, String reason, String detail) {
        Instant now = clock.instant();
        database.inTransaction("dead-letter message " + message.id(), connection -> {
            insertDeadLetter(connection, message.destination(), reason, detail, message.body(), message.processId(), now);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                delete.setLong(1, message.id());
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** Records a message that never was an outbox row (e.g. one a broker delivered) as dead. */
    public void deadLetter(String sourceQueue, String reason, String detail, String body, String processId) {
        Instant now = clock.instant();
        database.inTransaction("dead-letter a message from " + sourceQueue, connection -> {
            insertDeadLetter(connection, sourceQueue, reason, detail, body, processId, now);
            return null;
        });
    }

    public List<DeadLetter> deadLetters(int limit) {
        return database.read("list dead letters", connection -> {
            List<DeadLetter> result = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + DeadLetterStore.COLUMNS
                    + " FROM dead_letter ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        result.add(DeadLetterStore.letter(rs));
                    }
                }
            }
            return result;
        });
    }

    /** Rows not yet acknowledged, for diagnostics and tests. */
    public long pendingCount() {
        return database.read("count outbox", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM outbox");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void insertDeadLetter(Connection connection, String queue, String reason, String detail, String body,
                                         String processId, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dead_letter (source_queue, reason, detail, body, "
                + "process_id, dead_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, queue);
            insert.setString(2, reason);
            insert.setString(3, detail);
            insert.setString(4, body);
            insert.setString(5, processId);
            Jdbc.setInstant(insert, 6, now);
            insert.executeUpdate();
        }
    }
}
