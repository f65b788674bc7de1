package io.caseflow.designer.play;

import java.util.Collections;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What a simulated task stage does each time it runs: take its default transition, a fixed outcome,
 * a weighted random outcome, or fail with a message (retried per the stage's policy, then FAILED).
 */
public sealed interface TaskBehaviour {

    /** The default transition ({@code next}), or the stage's first outcome when it has no default edge. */
    record TakeDefault() implements TaskBehaviour {
    }

    /** Always the same outcome (a branch name or a target stage). */
    record Fixed(String outcome) implements TaskBehaviour {
        public Fixed {
            if (outcome == null || outcome.isBlank()) {
                throw new IllegalArgumentException("a fixed outcome needs a name");
            }
        }
    }

    /**
     * One of the outcomes, each as often as its weight says: {@code approve 80, reject 20}. The
     * weights are kept sorted by outcome, so the same seed picks the same outcomes whatever map the
     * caller built them in.
     */
    record Weighted(Map<String, Integer> weights) implements TaskBehaviour {
        public static final int MAX_WEIGHT = 1_000_000;

        public Weighted {
            weights = new TreeMap<>(weights);
            int total = 0;
            for (Map.Entry<String, Integer> e : weights.entrySet()) {
                int w = e.getValue() == null ? 0 : e.getValue();
                if (w < 0 || w > MAX_WEIGHT) {
                    throw new IllegalArgumentException("the weight of '" + e.getKey() + "' must be 0 to " + MAX_WEIGHT + ", was " + w);
                }
                total += w;
            }
            if (total <= 0) {
                throw new IllegalArgumentException("at least one outcome needs a weight above 0");
            }
            weights = Collections.unmodifiableMap(weights);
        }

        public int total() {
            return weights.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The outcome a draw of {@code random} picks. */
        public String pick(Random random) {
            int draw = random.nextInt(total());
            for (Map.Entry<String, Integer> e : weights.entrySet()) {
                draw -= e.getValue();
                if (draw < 0) {
                    return e.getKey();
                }
            }
            throw new IllegalStateException("a draw below the total always picks an outcome");
        }
    }

    /** The handler fails with this message (so failures and retries can be seen). */
    record Fail(String message) implements TaskBehaviour {
        public static final String DEFAULT_MESSAGE = "simulated failure";

        public Fail {
            message = message == null || message.isBlank() ? DEFAULT_MESSAGE : message.trim();
        }
    }

    static TaskBehaviour takeDefault() {
        return new TakeDefault();
    }
}
