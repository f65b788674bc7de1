package io.caseflow.designer.app.deploy;

import io.caseflow.designer.deploy.ConnectionProfile;

/** Where Deploy goes: the app's embedded runtime, or a shared runtime of a saved connection profile. */
public record TargetChoice(ConnectionProfile profile) {
    public static final TargetChoice EMBEDDED = new TargetChoice(null);

    public boolean isEmbedded() {
        return profile == null;
    }

    /** The key under which the choice is remembered: "embedded" or the profile's name. */
    public String key() {
        return isEmbedded() ? "embedded" : "profile:" + profile.name();
    }

    /** How menus and the tool bar name it. */
    public String label() {
        return isEmbedded() ? "Embedded runtime" : profile.toString();
    }

    @Override
    public String toString() {
        return label();
    }
}
