package io.caseflow.message;

import java.time.Instant;

/** A message that could not be handled, kept with the reason. */
public record DeadLetter(long id, String sourceQueue, String reason, String detail, String body, String processId,
                         Instant deadAt) {
}
