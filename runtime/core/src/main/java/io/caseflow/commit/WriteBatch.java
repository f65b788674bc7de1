package io.caseflow.commit;

import io.caseflow.message.OutboxMessage;
import java.util.List;

/**
 * Everything one group commit writes: transitions, new processes, messages that belong to no
 * transition (a service's reply), and acknowledged outbox rows to delete.
 */
public record WriteBatch(List<Commit> commits, List<NewProcess> starts, List<OutboxMessage> appends, List<Long> acks) {
    public boolean isEmpty() {
        return commits.isEmpty() && starts.isEmpty() && appends.isEmpty() && acks.isEmpty();
    }

    public int size() {
        return commits.size() + starts.size() + appends.size() + acks.size();
    }
}
