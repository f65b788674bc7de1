package io.caseflow.http;

/** Who sent a request: the name of the token it carried, and that token's role. */
public record Caller(String name, Role role) {
}
