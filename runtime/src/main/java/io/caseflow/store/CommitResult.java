package io.caseflow.store;

import java.util.List;

/**
 * What a group commit did: per commit, whether its fence held (false: the process had moved on, the
 * commit was a duplicate and wrote nothing), and the outbox rows it wrote.
 */
public record CommitResult(List<Boolean> applied, List<StoredMessage> messages) {
}
