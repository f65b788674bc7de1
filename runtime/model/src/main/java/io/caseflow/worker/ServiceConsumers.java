package io.caseflow.worker;

import io.caseflow.definition.CaseKey;
import java.util.List;
import java.util.OptionalInt;

/**
 * A service some deployed case calls, and whether anything takes its requests right now.
 *
 * @param service   the service's name, as the cases' service stages name it
 * @param queue     its request queue
 * @param cases     the deployed case apis that call it
 * @param consumers consumers of the request queue now; empty when the transport cannot tell (e.g. the broker is unreachable)
 */
public record ServiceConsumers(String service, String queue, List<CaseKey> cases, OptionalInt consumers) {

    public ServiceConsumers {
        cases = List.copyOf(cases);
    }

    /** True only when the transport answered and counted no consumer: requests would wait. */
    public boolean unserved() {
        return consumers.isPresent() && consumers.getAsInt() == 0;
    }
}
