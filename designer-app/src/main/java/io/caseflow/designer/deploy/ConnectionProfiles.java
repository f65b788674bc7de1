package io.caseflow.designer.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The saved connection profiles: URL and broker in the user's preferences (one node each), the token
 * in the {@link TokenStore}, never next to them. A token an older version left in the preferences is
 * moved to the token store the first time the profiles are read.
 */
public final class ConnectionProfiles {
    private static final String LEGACY_TOKEN = "token";
    private final Preferences root;
    private final TokenStore tokens;

    public ConnectionProfiles(Preferences root, TokenStore tokens) {
        this.root = root;
        this.tokens = tokens;
    }

    public List<ConnectionProfile> list() {
        List<ConnectionProfile> out = new ArrayList<>();
        try {
            for (String child : root.childrenNames()) {
                read(child).ifPresent(out::add);
            }
        } catch (BackingStoreException e) {
            return List.of();
        }
        return out;
    }

    public Optional<ConnectionProfile> find(String name) {
        try {
            return root.nodeExists(name) ? read(name) : Optional.empty();
        } catch (BackingStoreException e) {
            return Optional.empty();
        }
    }

    private Optional<ConnectionProfile> read(String name) {
        Preferences p = root.node(name);
        String legacy = p.get(LEGACY_TOKEN, "");
        if (!legacy.isEmpty()) {
            tokens.put(name, legacy);
            p.remove(LEGACY_TOKEN);
        }
        try {
            String broker = p.get("broker", "");
            return Optional.of(new ConnectionProfile(name, URI.create(p.get("url", "")), tokens.get(name).orElse(null),
                    broker.isEmpty() ? null : URI.create(broker)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a hand-edited profile with a bad URL is skipped; the user re-creates it
        }
    }

    public void save(ConnectionProfile profile) {
        Preferences p = root.node(profile.name());
        p.put("url", profile.url().toString());
        p.put("broker", profile.brokerUri() == null ? "" : profile.brokerUri().toString());
        p.remove(LEGACY_TOKEN);
        tokens.put(profile.name(), profile.token());
    }

    public void remove(String name) throws BackingStoreException {
        root.node(name).removeNode();
        tokens.remove(name);
    }
}
