package io.caseflow.transport.rabbitmq;

/** The broker could not be reached or refused what was asked; the message says which and why. */
public class TransportException extends RuntimeException {
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
