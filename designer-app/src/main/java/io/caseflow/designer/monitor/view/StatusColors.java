package io.caseflow.designer.monitor.view;

import io.caseflow.process.ProcessStatus;
import javafx.scene.paint.Color;

/** The colour of each process status on the monitor's graph and its legend, and of a process's path. */
final class StatusColors {
    static final Color RUNNING = Color.web("#2563eb");
    static final Color WAITING = Color.web("#7c3aed");
    static final Color FAILED = Color.web("#dc2626");
    static final Color COMPLETED = Color.web("#16a34a");
    static final Color CANCELLED = Color.web("#6b7280");
    static final Color PATH = Color.web("#0f62fe");

    private StatusColors() {
    }

    /** The status's colour; the path's colour when there is no status. */
    static Color of(ProcessStatus status) {
        if (status == null) {
            return PATH;
        }
        return switch (status) {
            case RUNNING -> RUNNING;
            case WAITING -> WAITING;
            case FAILED -> FAILED;
            case COMPLETED -> COMPLETED;
            case CANCELLED -> CANCELLED;
        };
    }
}
