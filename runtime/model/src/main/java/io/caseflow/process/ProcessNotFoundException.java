package io.caseflow.process;

/** A request named a process id that does not exist. */
public class ProcessNotFoundException extends RuntimeException {
    public ProcessNotFoundException(String processId) {
        super("no process " + processId);
    }
}
