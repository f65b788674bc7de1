package io.caseflow.designer.monitor;

import java.util.List;

/**
 * What replaying or discarding some dead letters did: how many were settled now, had been settled before
 * (a dead letter is replayed at most once), could not be replayed (kept in base64), or were not found, and
 * the first message worth showing.
 */
public record DeadLetterSettlement(boolean replay, int settled, int alreadySettled, int refused, int notFound, List<String> problems) {
    public DeadLetterSettlement {
        problems = List.copyOf(problems);
    }

    /** One sentence for the activity log: "Replayed 3 dead letters; 1 had been replayed or discarded before". */
    public String describe() {
        StringBuilder text = new StringBuilder(replay ? "Replayed " : "Discarded ").append(settled)
                .append(settled == 1 ? " dead letter" : " dead letters");
        if (alreadySettled > 0) {
            text.append("; ").append(alreadySettled).append(alreadySettled == 1 ? " had" : " had").append(" been replayed or discarded before");
        }
        if (refused > 0) {
            text.append("; ").append(refused).append(" cannot be replayed (").append(problems.isEmpty() ? "see the server" : problems.get(0)).append(')');
        }
        if (notFound > 0) {
            text.append("; ").append(notFound).append(" no longer exist");
        }
        return text.toString();
    }
}
