package io.caseflow.designer.app.actions;

import io.caseflow.designer.modules.ModulesViewModel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * Runtime ▸ Module Folder…: asks for the folder that holds the user's module jars (starting at the
 * one chosen before), then remembers it and restarts the embedded runtime with its modules.
 */
public final class ModuleFolderAction {
    private final ModulesViewModel modules;
    private final Function<Optional<Path>, Optional<Path>> chooser;

    public ModuleFolderAction(Window owner, ModulesViewModel modules) {
        this(modules, current -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder of your module jars (e.g. your module's target/)");
            current.filter(Files::isDirectory).ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
            return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
        });
    }

    /** @param chooser given the current folder, the one the user picks (tests answer without a native dialog) */
    public ModuleFolderAction(ModulesViewModel modules, Function<Optional<Path>, Optional<Path>> chooser) {
        this.modules = modules;
        this.chooser = chooser;
    }

    public void execute() {
        chooser.apply(modules.folder()).ifPresent(modules::chooseFolder);
    }
}
