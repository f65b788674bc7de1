package io.caseflow.designer.deploy;

import java.net.URI;

/**
 * Where a remote runtime is and how to authenticate: its base URL and a bearer token. Saved in the
 * user's preferences (the token too, so keep it to tokens meant for a workstation).
 */
public record ConnectionProfile(String name, URI url, String token) {
    public ConnectionProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a connection profile needs a name");
        }
        if (url == null || url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException("profile '" + name + "': the URL must start with http:// or https://");
        }
    }

    @Override
    public String toString() {
        return name + " (" + url + ")";
    }
}
