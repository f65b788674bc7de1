package io.caseflow.service;

import io.caseflow.message.ServiceRequest;
import java.sql.Connection;

/**
 * A service's command, applied inside the service's own transaction ({@code transaction}): write the
 * command's effects through it and they commit together with the inbox row that marks the task id
 * applied. Throwing rolls everything back and the request is delivered again later; return
 * {@link CommandResult#rejected} for a final refusal.
 */
@FunctionalInterface
public interface CommandHandler {
    CommandResult apply(Connection transaction, ServiceRequest request) throws Exception;
}
