package io.caseflow.designer.play;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.StageContext;
import io.caseflow.handler.StageHandler;
import io.caseflow.handler.StageOutcome;

/**
 * The one handler of a play runtime (its registry's fallback): every stage of the played case runs
 * here and does what {@link PlaySettings} says. A task stage moves on or fails; a service stage
 * sends its command with the process input as payload, and the simulated service answers
 * ({@link SimulatedServices}). Runs on the engine's worker threads.
 */
final class SimulatedHandler implements StageHandler {
    private final CaseDefinition definition;
    private final PlaySettings settings;

    SimulatedHandler(CaseDefinition definition, PlaySettings settings) {
        this.definition = definition;
        this.settings = settings;
    }

    @Override
    public StageOutcome handle(StageContext ctx) {
        StageDefinition stage = definition.stage(ctx.stage()).orElse(null);
        if (stage == null) {
            return ctx.failPermanently("the played case has no stage '" + ctx.stage() + "'");
        }
        return switch (stage.kind()) {
            case SERVICE -> ctx.callService(ctx.input());
            case END -> ctx.complete(ctx.data().asJson());
            case TASK -> task(ctx, stage.name());
        };
    }

    private StageOutcome task(StageContext ctx, String stage) {
        TaskBehaviour behaviour = settings.task(stage);
        if (behaviour instanceof TaskBehaviour.Fixed fixed) {
            return ctx.next(fixed.outcome());
        }
        if (behaviour instanceof TaskBehaviour.Weighted weighted) {
            return ctx.next(weighted.pick(settings.draws(stage)));
        }
        if (behaviour instanceof TaskBehaviour.Fail fail) {
            return ctx.fail(fail.message());
        }
        return ctx.next(StageOutcomes.defaultOf(definition, stage));
    }
}
