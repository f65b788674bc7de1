package io.caseflow.process;

import io.caseflow.process.ProcessSnapshot;
import java.util.List;

/** One page of a process listing and the number of processes that match in all. */
public record ProcessPage(List<ProcessSnapshot> processes, long total, int offset) {
}
