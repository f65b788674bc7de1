package io.caseflow.audit;

import java.time.Instant;

/**
 * One action someone asked for, as the audit trail keeps it: who ({@code actor}, the API token's name, and its
 * {@code role}), what ({@code action}: method and route, e.g. {@code POST /api/processes/{id}/retry}, and the
 * process or case it was about), when, from where ({@code remote}: the client's address, and the addresses a
 * gateway forwarded for), and how it ended ({@code status}, the HTTP status, and {@code outcome}: {@code ok} or
 * the error code). Refused attempts are kept too.
 */
public record AuditEvent(long id, Instant at, String actor, String role, String action, String processId, String caseName,
                         String api, int status, String outcome, String remote, String traceId) {
}
