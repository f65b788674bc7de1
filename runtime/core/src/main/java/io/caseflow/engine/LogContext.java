package io.caseflow.engine;

import io.caseflow.process.ProcessSnapshot;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * What every log line written while a message is handled carries (SLF4J's MDC): {@code processId},
 * {@code case}, {@code stage} and, for a service reply, {@code taskId}. Handler threads get a copy, so a
 * handler's own log lines carry it too. A JSON log encoder writes these as fields.
 */
public final class LogContext {
    public static final String PROCESS_ID = "processId";
    public static final String CASE = "case";
    public static final String STAGE = "stage";
    public static final String TASK_ID = "taskId";

    private LogContext() {
    }

    static void of(ProcessSnapshot process) {
        MDC.put(PROCESS_ID, process.id());
        MDC.put(CASE, process.caseKey() + " v" + process.caseVersion());
        MDC.put(STAGE, process.currentStage());
    }

    static void taskId(String taskId) {
        MDC.put(TASK_ID, taskId);
    }

    static void clear() {
        MDC.remove(PROCESS_ID);
        MDC.remove(CASE);
        MDC.remove(STAGE);
        MDC.remove(TASK_ID);
    }

    /** {@code work}, to run on another thread with the context of the thread that made it. */
    static <T> Callable<T> carried(Callable<T> work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                return work.call();
            } finally {
                if (before != null) {
                    MDC.setContextMap(before);
                } else {
                    MDC.clear();
                }
            }
        };
    }
}
