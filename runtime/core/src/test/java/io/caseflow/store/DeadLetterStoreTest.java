package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.message.DeadLetter;
import io.caseflow.message.OutboxMessage;
import io.caseflow.testing.ExternalServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replaying and discarding dead letters, on H2 and PostgreSQL: one copy to the outbox however often replay is asked. */
class DeadLetterStoreTest {
    private static final String QUEUE = "caseflow.orders.v1.innerQ";

    @TempDir
    Path dir;

    @Test
    void on_h2() throws Exception {
        contract(Database.h2File(dir.resolve("store")));
    }

    @Test
    void on_postgresql() throws Exception {
        contract(ExternalServices.freshPostgresSchema());
    }

    private void contract(String url) throws Exception {
        try (Database database = Database.open(url, 2)) {
            OutboxStore outbox = new OutboxStore(database, Clock.systemUTC());
            DeadLetterStore letters = new DeadLetterStore(database, Clock.systemUTC());
            String body = "{\"type\":\"stageDue\",\"processId\":\"p-1\",\"step\":3,\"stage\":\"check\"}";
            outbox.deadLetter(QUEUE, "redelivered", "kept crashing its consumer", body, "p-1");
            outbox.deadLetter(QUEUE, DeadLetterStore.UNSTORABLE, "a NUL byte", "AAEC", null);
            outbox.deadLetter("caseflow.service.payments.requests", "malformed", "no reply", "{\"taskId\":\"t\",\"status\":\"ok\"}", null);
            List<DeadLetter> all = letters.list(DeadLetter.DEAD, null, 10);
            assertThat(all).hasSize(3);
            long replayable = all.get(2).id();
            long unstorable = all.get(1).id();

            assertThat(letters.replay(replayable, "ops").outcome()).isEqualTo(DeadLetterStore.Outcome.SETTLED);
            assertThat(letters.replay(replayable, "ops").outcome()).isEqualTo(DeadLetterStore.Outcome.ALREADY_SETTLED);
            assertThat(letters.discard(replayable, "ops").outcome()).isEqualTo(DeadLetterStore.Outcome.ALREADY_SETTLED);
            List<String[]> rows = outboxRows(database);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsExactly(QUEUE, OutboxMessage.Kind.STAGE_DUE.name(), "p-1", body);
            assertThat(outbox.claimDue(Set.of(QUEUE), "node", Instant.now().plusSeconds(10), 10)).as("due at once, unclaimed").hasSize(1);

            DeadLetterStore.Settlement refused = letters.replay(unstorable, "ops");
            assertThat(refused.outcome()).isEqualTo(DeadLetterStore.Outcome.REFUSED);
            assertThat(refused.message()).contains("base64");
            assertThat(letters.discard(unstorable, "ops").outcome()).isEqualTo(DeadLetterStore.Outcome.SETTLED);
            assertThat(letters.replay(424242, "ops").outcome()).isEqualTo(DeadLetterStore.Outcome.NOT_FOUND);

            assertThat(letters.list(DeadLetter.REPLAYED, null, 10)).extracting(DeadLetter::id).containsExactly(replayable);
            assertThat(letters.list(DeadLetter.DISCARDED, null, 10)).extracting(DeadLetter::id).containsExactly(unstorable);
            assertThat(letters.list(null, null, 10)).hasSize(3).allMatch(d -> d.state() != null);
            assertThat(letters.deadIds("malformed", null, 10)).hasSize(1);
            assertThat(DeadLetterStore.kindOf("{\"taskId\":\"t\",\"status\":\"ok\"}")).isEqualTo(OutboxMessage.Kind.SERVICE_REPLY);
            assertThat(DeadLetterStore.kindOf("{\"taskId\":\"t\",\"command\":\"charge\"}")).isEqualTo(OutboxMessage.Kind.SERVICE_REQUEST);
            assertThat(DeadLetterStore.kindOf("{\"type\":\"replyTimeout\"}")).isEqualTo(OutboxMessage.Kind.REPLY_TIMEOUT);
        }
    }

    private static List<String[]> outboxRows(Database database) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT destination, kind, process_id, body FROM outbox");
             ResultSet rs = select.executeQuery()) {
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
            connection.rollback();
            return rows;
        }
    }
}
