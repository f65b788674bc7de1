package io.caseflow.designer.app.deploy;

import io.caseflow.designer.deploy.ConnectionProfile;
import io.caseflow.designer.deploy.ConnectionProfiles;
import io.caseflow.designer.deploy.DeployTarget;
import io.caseflow.designer.deploy.RemoteTarget;
import io.caseflow.designer.deploy.TokenStore;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The deploy targets the user can pick: the embedded runtime and every saved connection profile, the
 * chosen one remembered between runs. Adding, editing and removing a profile saves it at once
 * (its token in the token store). FX thread only.
 */
public final class DeployTargets {
    private static final String CHOSEN = "deployTarget";

    private final ConnectionProfiles profiles;
    private final Preferences prefs;
    private final ObservableList<TargetChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<TargetChoice> chosen = new SimpleObjectProperty<>(TargetChoice.EMBEDDED);
    private DeployTarget embedded;

    public DeployTargets(ConnectionProfiles profiles, Preferences prefs) {
        this.profiles = profiles;
        this.prefs = prefs;
        reload();
        String remembered = prefs.get(CHOSEN, TargetChoice.EMBEDDED.key());
        chosen.set(choices.stream().filter(c -> c.key().equals(remembered)).findFirst().orElse(TargetChoice.EMBEDDED));
        chosen.addListener((o, before, now) -> prefs.put(CHOSEN, now == null ? TargetChoice.EMBEDDED.key() : now.key()));
    }

    /** The user's own: profiles in the app's preferences, tokens in {@code tokens.properties} in the data folder. */
    public static DeployTargets forUser() {
        Preferences app = Preferences.userRoot().node("io/caseflow/designer");
        return new DeployTargets(new ConnectionProfiles(app.node("connections"), TokenStore.inUserHome()), app);
    }

    public ObservableList<TargetChoice> choices() {
        return choices;
    }

    public ObjectProperty<TargetChoice> chosenProperty() {
        return chosen;
    }

    public TargetChoice chosen() {
        return chosen.get();
    }

    /** The embedded runtime's target, once it has started. */
    public void embeddedReady(DeployTarget target) {
        this.embedded = target;
    }

    /** The target of the chosen entry: null while the embedded runtime is still starting. */
    public DeployTarget target() {
        TargetChoice choice = chosen.get();
        return choice.isEmbedded() ? embedded : new RemoteTarget(choice.profile());
    }

    public Optional<ConnectionProfile> profile(String name) {
        return profiles.find(name);
    }

    /** Saves a new or changed profile and makes it the target. */
    public void save(ConnectionProfile profile) {
        profiles.save(profile);
        reload();
        select(profile.name());
    }

    /** Forgets a profile (and its token); the embedded runtime becomes the target if it was chosen. */
    public void remove(String name) throws BackingStoreException {
        profiles.remove(name);
        if (!chosen.get().isEmbedded() && chosen.get().profile().name().equals(name)) {
            chosen.set(TargetChoice.EMBEDDED);
        }
        reload();
    }

    private void select(String profileName) {
        choices.stream().filter(c -> !c.isEmbedded() && c.profile().name().equals(profileName)).findFirst().ifPresent(chosen::set);
    }

    private void reload() {
        List<TargetChoice> all = Stream.concat(Stream.of(TargetChoice.EMBEDDED), profiles.list().stream().map(TargetChoice::new))
                .toList();
        TargetChoice current = chosen.get();
        choices.setAll(all);
        if (current != null && !current.isEmbedded()) {
            select(current.profile().name());
        }
    }
}
