package io.caseflow.designer.modules;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/** The module folder the user chose, remembered in the user's preferences across starts. */
public final class ModuleFolderPreference {
    private static final String KEY = "moduleFolder";
    private final Preferences node;

    public ModuleFolderPreference(Preferences node) {
        this.node = node;
    }

    /** The preference of the user running the app. */
    public static ModuleFolderPreference forUser() {
        return new ModuleFolderPreference(Preferences.userNodeForPackage(ModuleFolderPreference.class));
    }

    public Optional<Path> folder() {
        String value = node.get(KEY, "");
        return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    public void set(Path folder) {
        node.put(KEY, folder.toAbsolutePath().normalize().toString());
    }

    public void clear() {
        node.remove(KEY);
    }
}
