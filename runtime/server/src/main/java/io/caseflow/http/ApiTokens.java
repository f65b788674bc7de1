package io.caseflow.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Bearer tokens: one that may do everything, one that may only read (for monitors). Compared in
 * constant time; never logged.
 */
public final class ApiTokens {
    /** What a request may do. */
    public enum Access { NONE, READ, ADMIN }

    private final byte[] admin;
    private final byte[] readOnly;

    public ApiTokens(String adminToken, String readOnlyToken) {
        if (adminToken == null || adminToken.length() < 16) {
            throw new IllegalArgumentException("the API token must have at least 16 characters");
        }
        if (readOnlyToken != null && readOnlyToken.length() < 16) {
            throw new IllegalArgumentException("the read-only token must have at least 16 characters");
        }
        this.admin = adminToken.getBytes(StandardCharsets.UTF_8);
        this.readOnly = readOnlyToken == null ? null : readOnlyToken.getBytes(StandardCharsets.UTF_8);
    }

    public Access check(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Access.NONE;
        }
        byte[] presented = authorizationHeader.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(presented, admin)) {
            return Access.ADMIN;
        }
        if (readOnly != null && MessageDigest.isEqual(presented, readOnly)) {
            return Access.READ;
        }
        return Access.NONE;
    }

    @Override
    public String toString() {
        return "ApiTokens[admin=***, readOnly=" + (readOnly == null ? "none" : "***") + "]";
    }
}
