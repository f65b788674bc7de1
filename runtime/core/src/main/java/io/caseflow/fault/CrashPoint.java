package io.caseflow.fault;

/**
 * Named instants where a crash is most dangerous, after the seed's four cases. Crash tests stop a
 * worker JVM at one of these and kill it with SIGKILL.
 */
public enum CrashPoint {
    /** The handler ran; its result is not committed yet (seed Cases 1 and 3). */
    BEFORE_STAGE_COMMIT,
    /**
     * The transition is committed; the message that caused it is not acknowledged yet (on RabbitMQ; on the embedded
     * transport the commit already deleted it, decision 0008).
     */
    AFTER_STAGE_COMMIT_BEFORE_ACK,
    /** A committed service request was handed to the transport; the incoming message is not acknowledged (seed Case 2). */
    AFTER_SERVICE_REQUEST_PUBLISHED,
    /** Inside a service: the command is applied and committed; the reply is not sent yet (seed Case 4). */
    SERVICE_AFTER_APPLY_BEFORE_REPLY
}
