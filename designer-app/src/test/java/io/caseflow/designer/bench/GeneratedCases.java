package io.caseflow.designer.bench;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import java.util.Random;

/**
 * Big synthetic cases for benchmarks and tests: a start stage, a chain with random forward branches
 * (about 1.3 transitions per stage), every tenth stage a service call, and a few end stages; laid out
 * on a plain grid so auto-layout has work to do. Same seed, same case.
 */
public final class GeneratedCases {
    private GeneratedCases() {
    }

    public static CaseDefinition generate(int stages, long seed) {
        Random random = new Random(seed);
        CaseDefinition.Builder b = CaseDefinition.builder("generated" + stages, "v1");
        int ends = Math.max(1, stages / 50);
        int work = stages - ends;
        int columns = (int) Math.ceil(Math.sqrt(stages) * 1.5);
        for (int i = 0; i < stages; i++) {
            String name = i < work ? "stage" + i : "end" + (i - work);
            Layout layout = new Layout(40 + (i % columns) * 220, 40 + (i / columns) * 120);
            StageDefinition s = i >= work ? StageDefinition.end(name)
                    : i % 10 == 5 ? StageDefinition.service(name, "orders.reserveStock", "svc" + (i % 3), "cmd" + (i % 4))
                    : StageDefinition.task(name, "orders.validateOrder");
            b.stage(s.withLayout(layout));
        }
        for (int i = 0; i < work; i++) {
            String from = "stage" + i;
            String next = i + 1 < work ? "stage" + (i + 1) : "end0";
            b.transition(from, next);
            if (random.nextDouble() < 0.3) {
                int target = i + 2 + random.nextInt(Math.max(1, Math.min(12, stages - i - 2)));
                String to = target < work ? "stage" + target : "end" + random.nextInt(ends);
                if (!to.equals(next)) {
                    b.transition(from, to, "branch");
                }
            }
        }
        return b.build();
    }
}
