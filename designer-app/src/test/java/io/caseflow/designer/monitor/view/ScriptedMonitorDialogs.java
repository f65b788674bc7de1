package io.caseflow.designer.monitor.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Monitor dialogs answered by the test; what was asked is recorded. */
final class ScriptedMonitorDialogs implements MonitorDialogs {
    final List<String> confirmations = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    boolean confirmAnswer = true;
    Function<RetryForm, Optional<RetryForm.Request>> retryScript = f -> Optional.empty();
    RetryForm lastForm;

    @Override
    public boolean confirm(String title, String header, String text, String okLabel) {
        confirmations.add(header + " | " + okLabel);
        return confirmAnswer;
    }

    @Override
    public Optional<RetryForm.Request> retryWithChanges(String title, RetryForm form) {
        lastForm = form;
        return retryScript.apply(form);
    }

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }
}
