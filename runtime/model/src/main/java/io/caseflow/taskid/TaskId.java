package io.caseflow.taskid;

import io.caseflow.definition.CaseKey;

/**
 * What a service request's task id stands for: the process, its case and api, the stage that asked,
 * and the step of the process at which the stage sent it. The same command always gets the same id,
 * so a service recognises a repeat (seed, Case 4).
 */
public record TaskId(String processId, String caseName, String caseApi, String stage, long step) {

    public CaseKey caseKey() {
        return new CaseKey(caseName, caseApi);
    }
}
