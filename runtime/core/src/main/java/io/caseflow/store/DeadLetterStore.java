package io.caseflow.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.commit.ClaimPolicy;
import io.caseflow.json.Json;
import io.caseflow.message.DeadLetter;
import io.caseflow.message.OutboxMessage;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dead letters as people settle them: list, replay (a copy of the message goes back to the queue it died
 * in) and discard. Settling is fenced on the row's state, so a dead letter is replayed at most once however
 * often replay is asked for, and a discarded one is never replayed. A replay is an outbox row written in the
 * same transaction as the settled state: the transport delivers it like any other message (the RabbitMQ
 * relay publishes it, the embedded transport consumes it), and the body it carries is the message as it
 * died, so the engine's step fence and the services' inboxes treat it like the original. Thread-safe.
 */
public final class DeadLetterStore {
    static final String COLUMNS = "id, source_queue, reason, detail, body, process_id, dead_at, state, settled_at";
    /** Dead letters kept in base64 because the store refused their text: they cannot go back as they were. */
    public static final String UNSTORABLE = "unstorable";

    private final Database database;
    private final Clock clock;

    public DeadLetterStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** What a replay or discard did to one dead letter. */
    public enum Outcome {
        /** Done now. */
        SETTLED,
        /** It was replayed or discarded before; nothing happened now. */
        ALREADY_SETTLED,
        /** It cannot be replayed (kept in base64, or no queue to go back to); nothing happened. */
        REFUSED,
        NOT_FOUND
    }

    /** The answer for one dead letter: what happened, in one sentence, and the row as it is now. */
    public record Settlement(long id, Outcome outcome, String message, DeadLetter letter) {
    }

    /** Newest first; {@code state} null: every state. */
    public List<DeadLetter> list(String state, String reason, int limit) {
        return database.read("list dead letters", connection -> {
            List<DeadLetter> result = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter WHERE 1 = 1"
                    + (state == null ? "" : " AND state = ?") + (reason == null ? "" : " AND reason = ?") + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                if (state != null) {
                    select.setString(i++, state);
                }
                if (reason != null) {
                    select.setString(i++, reason);
                }
                select.setInt(i, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        result.add(letter(rs));
                    }
                }
            }
            return result;
        });
    }

    public Optional<DeadLetter> find(long id) {
        return database.read("read dead letter " + id, connection -> find(connection, id, false));
    }

    /** Sends a copy of the dead letter back to its queue, once; see the class comment. */
    public Settlement replay(long id, String by) {
        return settle(id, by, DeadLetter.REPLAYED);
    }

    /** Marks the dead letter discarded: kept for audit, never replayed. */
    public Settlement discard(long id, String by) {
        return settle(id, by, DeadLetter.DISCARDED);
    }

    private Settlement settle(long id, String by, String newState) {
        Instant now = clock.instant();
        return database.inTransaction((DeadLetter.REPLAYED.equals(newState) ? "replay" : "discard") + " dead letter " + id, connection -> {
            Optional<DeadLetter> found = find(connection, id, true);
            if (found.isEmpty()) {
                return new Settlement(id, Outcome.NOT_FOUND, "no dead letter " + id, null);
            }
            DeadLetter letter = found.get();
            if (!letter.isDead()) {
                return new Settlement(id, Outcome.ALREADY_SETTLED, "dead letter " + id + " was " + letter.state().toLowerCase()
                        + " at " + letter.settledAt() + "; nothing done", letter);
            }
            boolean replay = DeadLetter.REPLAYED.equals(newState);
            if (replay) {
                String refusal = replayRefusal(letter);
                if (refusal != null) {
                    return new Settlement(id, Outcome.REFUSED, refusal, letter);
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE dead_letter SET state = ?, settled_at = ?, settled_by = ? "
                    + "WHERE id = ? AND state = ?")) {
                update.setString(1, newState);
                Jdbc.setInstant(update, 2, now);
                update.setString(3, by);
                update.setLong(4, id);
                update.setString(5, DeadLetter.DEAD);
                if (update.executeUpdate() == 0) {
                    return new Settlement(id, Outcome.ALREADY_SETTLED, "dead letter " + id + " was settled meanwhile; nothing done", letter);
                }
            }
            if (replay) {
                OutboxMessage copy = new OutboxMessage(letter.sourceQueue(), letter.processId(), kindOf(letter.body()), letter.body(), now);
                OutboxRows.insert(connection, List.of(copy), ClaimPolicy.NONE, now);
            }
            DeadLetter settled = new DeadLetter(letter.id(), letter.sourceQueue(), letter.reason(), letter.detail(), letter.body(),
                    letter.processId(), letter.deadAt(), newState, now);
            return new Settlement(id, Outcome.SETTLED, replay ? "dead letter " + id + " replayed to " + letter.sourceQueue()
                    : "dead letter " + id + " discarded", settled);
        });
    }

    /** Ids of unsettled dead letters matching the filters, oldest first, at most {@code limit}: what a bulk replay or discard takes. */
    public List<Long> deadIds(String reason, String sourceQueue, int limit) {
        return database.read("select dead letters", connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM dead_letter WHERE state = ?"
                    + (reason == null ? "" : " AND reason = ?") + (sourceQueue == null ? "" : " AND source_queue = ?") + " ORDER BY id LIMIT ?")) {
                int i = 1;
                select.setString(i++, DeadLetter.DEAD);
                if (reason != null) {
                    select.setString(i++, reason);
                }
                if (sourceQueue != null) {
                    select.setString(i++, sourceQueue);
                }
                select.setInt(i, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    private static String replayRefusal(DeadLetter letter) {
        if (UNSTORABLE.equals(letter.reason())) {
            return "dead letter " + letter.id() + " is kept in base64 because the store could not keep its text; it cannot be replayed as "
                    + "it was (discard it, or take it from the broker's dead-letter queue)";
        }
        if (letter.body() == null || letter.sourceQueue() == null || letter.sourceQueue().isBlank() || "unknown".equals(letter.sourceQueue())) {
            return "dead letter " + letter.id() + " has no body or no queue it came from; nothing to replay";
        }
        return null;
    }

    /** The outbox kind of a message body: a stage due or timer, a service request, or a service reply. */
    static OutboxMessage.Kind kindOf(String body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return OutboxMessage.Kind.STAGE_DUE; // the engine dead-letters it again, with the reason
        }
        if (node == null) {
            return OutboxMessage.Kind.STAGE_DUE;
        }
        if ("replyTimeout".equals(node.path("type").asText())) {
            return OutboxMessage.Kind.REPLY_TIMEOUT;
        }
        if (node.has("type")) {
            return OutboxMessage.Kind.STAGE_DUE;
        }
        return node.has("command") ? OutboxMessage.Kind.SERVICE_REQUEST : OutboxMessage.Kind.SERVICE_REPLY;
    }

    private Optional<DeadLetter> find(Connection connection, long id, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(letter(rs)) : Optional.empty();
            }
        }
    }

    static DeadLetter letter(ResultSet rs) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("source_queue"), rs.getString("reason"), rs.getString("detail"),
                rs.getString("body"), rs.getString("process_id"), Jdbc.getInstant(rs, "dead_at"), rs.getString("state"),
                Jdbc.getInstant(rs, "settled_at"));
    }
}
