package io.caseflow.process;

import io.caseflow.process.ProcessSnapshot;

/**
 * The result of retry or cancel: the process afterwards, whether the action changed it, and a sentence
 * for the user. Both actions are idempotent: repeating one that already took effect changes nothing.
 */
public record ActionResult(ProcessSnapshot process, boolean changed, String message) {
}
