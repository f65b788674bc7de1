package io.caseflow.designer.deploy;

import java.net.URI;

/**
 * A shared runtime the designer deploys to and watches: its server URL, the bearer token to use (the
 * server's API token to deploy; its read-only token only watches), and optionally the RabbitMQ URI
 * its live events come from. Saved by {@link ConnectionProfiles}; the token apart, in a
 * {@link TokenStore}.
 */
public record ConnectionProfile(String name, URI url, String token, URI brokerUri) {
    public ConnectionProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a connection profile needs a name");
        }
        if (url == null || url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException("profile '" + name + "': the URL must start with http:// or https://");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException("profile '" + name + "': the URL " + url + " names no host");
        }
        if (brokerUri != null && !"amqp".equals(brokerUri.getScheme()) && !"amqps".equals(brokerUri.getScheme())) {
            throw new IllegalArgumentException("profile '" + name + "': the broker URI must start with amqp:// or amqps://");
        }
    }

    public ConnectionProfile(String name, URI url, String token) {
        this(name, url, token, null);
    }

    @Override
    public String toString() {
        return name + " (" + url + ")";
    }
}
