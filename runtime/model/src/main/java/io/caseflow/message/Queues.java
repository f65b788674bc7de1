package io.caseflow.message;

import io.caseflow.definition.CaseKey;

/**
 * Queue names, kept recognisable from the original design: per case api an {@code innerQ} (stage
 * hand-offs and timers) and a {@code serviceQ} (service replies), and one request queue per service.
 */
public final class Queues {
    public static final String PREFIX = "caseflow.";

    private Queues() {
    }

    /** Stage hand-offs of one case api: "this step is due". */
    public static String innerQ(CaseKey key) {
        return PREFIX + key.name() + "." + key.api() + ".innerQ";
    }

    /** Service replies for one case api. */
    public static String serviceQ(CaseKey key) {
        return PREFIX + key.name() + "." + key.api() + ".serviceQ";
    }

    public static boolean isInnerQ(String queue) {
        return queue.startsWith(PREFIX) && queue.endsWith(".innerQ");
    }

    public static boolean isServiceQ(String queue) {
        return queue.startsWith(PREFIX) && queue.endsWith(".serviceQ");
    }

    /** Requests to one service. */
    public static String serviceRequests(String service) {
        return PREFIX + "service." + service + ".requests";
    }
}
