package io.caseflow.designer.monitor;

import io.caseflow.process.ProcessStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many processes stand at one stage, by status: what the graph draws on each stage (running,
 * waiting for a service, failed; completed and cancelled on the stages where they ended).
 */
public record StageLoad(long running, long waiting, long failed, long completed, long cancelled) {
    public static final StageLoad NONE = new StageLoad(0, 0, 0, 0, 0);

    public static StageLoad of(Map<ProcessStatus, Long> byStatus) {
        return new StageLoad(byStatus.getOrDefault(ProcessStatus.RUNNING, 0L), byStatus.getOrDefault(ProcessStatus.WAITING, 0L),
                byStatus.getOrDefault(ProcessStatus.FAILED, 0L), byStatus.getOrDefault(ProcessStatus.COMPLETED, 0L),
                byStatus.getOrDefault(ProcessStatus.CANCELLED, 0L));
    }

    /** The source's counts ({@code stage -> status -> count}) as loads per stage. */
    public static Map<String, StageLoad> byStage(Map<String, Map<ProcessStatus, Long>> counts) {
        Map<String, StageLoad> out = new HashMap<>();
        counts.forEach((stage, byStatus) -> out.put(stage, of(byStatus)));
        return out;
    }

    public static StageLoad sum(Collection<StageLoad> loads) {
        long r = 0;
        long w = 0;
        long f = 0;
        long c = 0;
        long x = 0;
        for (StageLoad l : loads) {
            r += l.running;
            w += l.waiting;
            f += l.failed;
            c += l.completed;
            x += l.cancelled;
        }
        return new StageLoad(r, w, f, c, x);
    }

    public long count(ProcessStatus status) {
        return switch (status) {
            case RUNNING -> running;
            case WAITING -> waiting;
            case FAILED -> failed;
            case COMPLETED -> completed;
            case CANCELLED -> cancelled;
        };
    }

    public long active() {
        return running + waiting;
    }

    public long total() {
        return running + waiting + failed + completed + cancelled;
    }

    public boolean isEmpty() {
        return total() == 0;
    }

    /** "3 running · 1 waiting · 2 failed" (zeros left out), or "no processes". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        append(b, running, "running");
        append(b, waiting, "waiting for a service");
        append(b, failed, "failed");
        append(b, completed, "completed");
        append(b, cancelled, "cancelled");
        return b.length() == 0 ? "no processes" : b.toString();
    }

    private static void append(StringBuilder b, long n, String what) {
        if (n > 0) {
            if (b.length() > 0) {
                b.append(" · ");
            }
            b.append(n).append(' ').append(what);
        }
    }
}
