package io.caseflow.engine;

import io.caseflow.CaseflowRuntime;

/** The runtime contract on H2 with the embedded transport: what a fresh machine runs. */
class EmbeddedRuntimeTest extends RuntimeContractTest {
    @Override
    protected CaseflowRuntime.Builder configure(CaseflowRuntime.Builder builder) {
        return builder.h2File(dir.resolve("runtime"));
    }
}
