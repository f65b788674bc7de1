package io.caseflow.designer.modules;

import java.util.function.Consumer;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The modules in the window: the Runtime menu (Module Folder…, Reload Modules, Modules…, No Module
 * Folder), the status line, and the dialog listing each jar's problem, shown whenever a load has
 * problems. FX thread only.
 */
public final class ModulesView {
    private final ModulesViewModel modules;
    private final Window owner;
    private final Runnable chooseFolder;
    private Dialog<ButtonType> shown;

    /**
     * @param status       the window's status line
     * @param chooseFolder asks for a folder and hands it to {@link ModulesViewModel#chooseFolder}
     */
    public ModulesView(ModulesViewModel modules, Window owner, Consumer<String> status, Runnable chooseFolder) {
        this.modules = modules;
        this.owner = owner;
        this.chooseFolder = chooseFolder;
        modules.messageProperty().addListener((o, a, text) -> status.accept(text));
        modules.addListener(loaded -> {
            if (!loaded.report().problems().isEmpty()) {
                showDialog();
            }
        });
    }

    /** The Runtime menu; every item has an id ({@code menu-…}). */
    public Menu menu() {
        MenuItem reload = item("reloadModules", "_Reload Modules", "Shortcut+Shift+R", modules::reload);
        MenuItem clear = item("noModuleFolder", "_No Module Folder", null, modules::clearFolder);
        reload.disableProperty().bind(modules.busyProperty());
        clear.disableProperty().bind(modules.busyProperty());
        Menu menu = new Menu("_Runtime");
        menu.setId("menu-runtime");
        menu.setOnShowing(e -> clear.setVisible(modules.folder().isPresent()));
        menu.getItems().addAll(
                item("moduleFolder", "Module _Folder…", null, chooseFolder),
                reload,
                item("showModules", "_Modules…", null, this::showDialog),
                new SeparatorMenuItem(),
                clear);
        return menu;
    }

    /** Shows what the current folder gave; Reload and Choose Folder… act on the answer. */
    public void showDialog() {
        if (shown != null) {
            shown.close();
        }
        Dialog<ButtonType> dialog = ModulesDialog.create(owner, modules.report());
        shown = dialog;
        dialog.setOnHidden(e -> {
            if (shown == dialog) {
                shown = null;
            }
            ButtonType answer = dialog.getResult();
            if (answer == ModulesDialog.RELOAD) {
                modules.reload();
            } else if (answer == ModulesDialog.CHOOSE) {
                chooseFolder.run();
            }
        });
        dialog.show();
    }

    private static MenuItem item(String id, String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId("menu-" + id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
