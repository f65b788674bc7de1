package io.caseflow.commit;

import java.util.List;

/**
 * What a group commit did: per transition, whether its fence held (false: the process had moved on,
 * the commit was a duplicate and wrote nothing); per start, what became of it; and the outbox rows it
 * wrote claimed for this node.
 */
public record CommitResult(List<Boolean> applied, List<StartOutcome> started, List<StoredMessage> messages) {
}
