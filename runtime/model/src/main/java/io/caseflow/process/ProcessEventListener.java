package io.caseflow.process;

import java.util.List;

/**
 * Told about every committed transition and every new process, as {@link ProcessEvent}s, after the
 * commit and on the committer thread: keep it quick and hand heavy work elsewhere. Monitors and the
 * events publisher listen here.
 */
@FunctionalInterface
public interface ProcessEventListener {
    void events(List<ProcessEvent> events);
}
