package io.caseflow.designer.monitor.view;

import java.util.Optional;

/**
 * What the monitor asks in a dialog. The app shows real dialogs ({@link FxMonitorDialogs}); tests
 * answer them by script. FX thread; each call blocks until answered.
 */
public interface MonitorDialogs {
    /** A yes/no question whose OK button says what will happen ("Retry 7 processes"). */
    boolean confirm(String title, String header, String text, String okLabel);

    /** Shows the retry form; empty when cancelled. */
    Optional<RetryForm.Request> retryWithChanges(String title, RetryForm form);

    /** How many sample processes to start; empty when cancelled. */
    default Optional<Integer> askCount(String title, int suggested) {
        return Optional.of(suggested);
    }

    /** Asks for a new process's input as JSON text (empty: cancelled). */
    default Optional<String> askInput(String title, String suggested) {
        return Optional.of(suggested);
    }

    void error(String title, String message);
}
