package io.caseflow.designer.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The saved remote connection profiles, one preferences node each. */
public final class ConnectionProfiles {
    private final Preferences root;

    public ConnectionProfiles(Preferences root) {
        this.root = root;
    }

    public List<ConnectionProfile> list() {
        List<ConnectionProfile> out = new ArrayList<>();
        try {
            for (String child : root.childrenNames()) {
                Preferences p = root.node(child);
                try {
                    out.add(new ConnectionProfile(child, URI.create(p.get("url", "")), p.get("token", "")));
                } catch (IllegalArgumentException e) {
                    // A hand-edited profile with a bad URL is skipped; the user re-creates it.
                }
            }
        } catch (BackingStoreException e) {
            return List.of();
        }
        return out;
    }

    public void save(ConnectionProfile profile) {
        Preferences p = root.node(profile.name());
        p.put("url", profile.url().toString());
        p.put("token", profile.token() == null ? "" : profile.token());
    }

    public void remove(String name) throws BackingStoreException {
        root.node(name).removeNode();
    }
}
