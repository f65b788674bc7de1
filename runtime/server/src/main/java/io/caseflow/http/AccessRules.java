package io.caseflow.http;

import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The permission each route needs, in one table so it can be read, reviewed and tested as a whole
 * ({@code AccessMatrixTest} calls every registered route with every role). A route missing here is refused to
 * everyone: a new endpoint is closed until someone decides who may use it.
 */
final class AccessRules {
    /** Routes anyone may call without a token: probes and the API's own description. */
    static final Set<String> PUBLIC = Set.of("GET /api/health", "GET /api/openapi.yaml");

    private static final String CASE = "/api/cases/{case}/{api}";
    private static final Map<String, Permission> RULES = new TreeMap<>();

    static {
        read("/api/cases", "/api/processes", "/api/processes/{id}", "/api/processes/{id}/history", "/api/workers", "/api/services",
                "/api/metrics", "/api/dead-letters", "/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/items", "/api/retention",
                CASE + "/definitions", CASE + "/definitions/{version}", CASE + "/processes", CASE + "/processes/{id}",
                CASE + "/processes/{id}/history", CASE + "/counts");
        rule("GET /api/processes/{id}/audit", Permission.READ_DATA);
        rule("GET /api/audit", Permission.ADMINISTER);
        operate("/api/processes/{id}/retry", "/api/processes/{id}/cancel", CASE + "/processes", CASE + "/processes/{id}/retry",
                CASE + "/processes/{id}/cancel", CASE + "/migrations", "/api/jobs", "/api/jobs/{id}/cancel", "/api/dead-letters/replay",
                "/api/dead-letters/discard", "/api/dead-letters/{id}/replay", "/api/dead-letters/{id}/discard");
        rule("POST " + CASE + "/definitions", Permission.DEPLOY);
        rule("POST " + CASE + "/definitions/validate", Permission.DEPLOY);
        for (String path : new String[] {"/api/cases/{case}/retention", "/api/cases/{case}/{api}/retention"}) {
            rule("PUT " + path, Permission.ADMINISTER);
            rule("DELETE " + path, Permission.ADMINISTER);
        }
    }

    private AccessRules() {
    }

    private static void read(String... paths) {
        for (String path : paths) {
            rule("GET " + path, Permission.READ);
        }
    }

    private static void operate(String... paths) {
        for (String path : paths) {
            rule("POST " + path, Permission.OPERATE);
        }
    }

    private static void rule(String route, Permission permission) {
        if (RULES.put(route, permission) != null) {
            throw new IllegalStateException("two access rules for " + route);
        }
    }

    static boolean isPublic(HandlerType method, String routePath) {
        return PUBLIC.contains(method + " " + routePath);
    }

    /** What a call of {@code method} on the route registered as {@code routePath} needs; empty: no rule, so refused. */
    static Optional<Permission> required(HandlerType method, String routePath) {
        return Optional.ofNullable(RULES.get(method + " " + routePath));
    }

    /** Every rule, "METHOD /route" to permission, for documentation and tests. */
    static Map<String, Permission> all() {
        return Map.copyOf(RULES);
    }
}
