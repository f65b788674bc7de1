package io.caseflow.engine;

import io.caseflow.CaseflowRuntime;

class EmbeddedBadInputTest extends BadInputContractTest {
    @Override
    protected CaseflowRuntime.Builder configure(CaseflowRuntime.Builder builder) {
        return builder.h2File(dir.resolve("db"));
    }
}
