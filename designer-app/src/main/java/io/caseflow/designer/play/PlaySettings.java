package io.caseflow.designer.play;

import io.caseflow.definition.CaseDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated behaviour of every stage, by stage name: what the user set, else the defaults that
 * make Play useful with no setting at all (a task takes its default outcome; a service answers its
 * first outcome with an empty payload after {@link ServiceBehaviour#DEFAULT_DELAY}).
 *
 * <p>Thread-safe: the UI changes settings while the play runtime's handler and service threads read
 * them, and a change applies from the next run of the stage (a retry after a change sees it).
 * Weighted draws come from one random sequence per stage, seeded from {@link #seed()} and the stage
 * name, so a play is repeatable whatever order the stages run in.
 */
public final class PlaySettings {
    public static final long DEFAULT_SEED = 20_240_601L;

    private final Map<String, TaskBehaviour> tasks = new ConcurrentHashMap<>();
    private final Map<String, ServiceBehaviour> services = new ConcurrentHashMap<>();
    private final Map<String, Random> draws = new ConcurrentHashMap<>();
    private volatile long seed = DEFAULT_SEED;

    /** The task behaviour set for {@code stage}, else {@link TaskBehaviour.TakeDefault}. */
    public TaskBehaviour task(String stage) {
        return tasks.getOrDefault(stage, TaskBehaviour.takeDefault());
    }

    /** The reply set for {@code stage}, else its first outcome with an empty payload. */
    public ServiceBehaviour service(CaseDefinition definition, String stage) {
        return explicitService(stage).orElseGet(() -> ServiceBehaviour.answering(StageOutcomes.firstOf(definition, stage)));
    }

    public Optional<ServiceBehaviour> explicitService(String stage) {
        return Optional.ofNullable(services.get(stage));
    }

    public void setTask(String stage, TaskBehaviour behaviour) {
        tasks.put(stage, behaviour);
    }

    public void setService(String stage, ServiceBehaviour behaviour) {
        services.put(stage, behaviour);
    }

    /** Back to the defaults for {@code stage}. */
    public void reset(String stage) {
        tasks.remove(stage);
        services.remove(stage);
    }

    public long seed() {
        return seed;
    }

    /** Starts every stage's draws afresh from {@code value} (each new play does, so plays repeat). */
    public void reseed(long value) {
        seed = value;
        draws.clear();
    }

    /** The random sequence of {@code stage}'s weighted draws. */
    Random draws(String stage) {
        // Mixed first: Random's early draws from neighbouring seeds are alike.
        return draws.computeIfAbsent(stage, s -> new Random(new SplittableRandom(seed * 31 + s.hashCode()).nextLong()));
    }
}
