package io.caseflow.retention;

import io.caseflow.definition.CaseKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A retention period set for one case api ({@code api} names it) or for every api of a case ({@code api} null).
 * The most specific policy wins: case and api, then case, then the sweeping server's default.
 */
public record RetentionPolicy(String caseName, String api, RetentionPeriod period, Instant updatedAt) {
    /** Case and api names, like a deployed case's. */
    public static final int MAX_NAME_LENGTH = 100;

    public RetentionPolicy {
        requireName("case", caseName);
        if (api != null) {
            requireName("api", api);
        }
        Objects.requireNonNull(period, "period");
    }

    /** {@code orders/v1}, or {@code orders} for every api. */
    public String target() {
        return api == null ? caseName : caseName + "/" + api;
    }

    public boolean covers(CaseKey key) {
        return caseName.equals(key.name()) && (api == null || api.equals(key.api()));
    }

    /**
     * What applies to {@code key}: its own policy, else its case's, else {@code defaultPeriod} (null: keep forever).
     * Pure; the sweeper and every view resolve through here.
     */
    public static CaseRetention resolve(List<RetentionPolicy> policies, CaseKey key, RetentionPeriod defaultPeriod) {
        RetentionPolicy caseWide = null;
        for (RetentionPolicy policy : policies) {
            if (policy.covers(key)) {
                if (policy.api() != null) {
                    return new CaseRetention(key.name(), key.api(), policy.period(), CaseRetention.Source.CASE_API, null);
                }
                caseWide = policy;
            }
        }
        if (caseWide != null) {
            return new CaseRetention(key.name(), key.api(), caseWide.period(), CaseRetention.Source.CASE, null);
        }
        return defaultPeriod == null
                ? new CaseRetention(key.name(), key.api(), RetentionPeriod.FOREVER, CaseRetention.Source.NONE, null)
                : new CaseRetention(key.name(), key.api(), defaultPeriod, CaseRetention.Source.DEFAULT, null);
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME_LENGTH || value.contains("/") || value.equals("*")) {
            throw new IllegalArgumentException("'" + field + "' must be 1 to " + MAX_NAME_LENGTH + " characters without '/' "
                    + "(and not '*'); was '" + value + "'");
        }
    }
}
